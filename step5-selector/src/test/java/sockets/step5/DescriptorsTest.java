package sockets.step5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.ChildJvm;

/**
 * Ungraded: running out of descriptors is a state, not an end. The server runs in a JVM of its
 * own under {@code prlimit --nofile=64:64} (util-linux): skipped where prlimit is missing, except
 * where {@code SOCKETS_REQUIRE_PRLIMIT} is set (CI).
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@DisplayName("Out of descriptors, the selector server")
class DescriptorsTest {

    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final int LIMIT = 64;
    private static final int CLIENTS = 90;
    private static final Pattern STUB = Pattern.compile("Exercise \\d+\\.\\d+: .*");

    @Test
    @DisplayName("says so once, serves its clients on without spinning, and accepts again once descriptors are free")
    void runsOutAndRecovers() throws Exception {
        String prlimit = prlimit();
        Path printed = Files.createTempFile("selector-descriptors", ".out");
        List<String> command = new ArrayList<>(List.of(prlimit, "--nofile=" + LIMIT + ":" + LIMIT));
        command.addAll(ChildJvm.commandWithoutCoverage(SelectorMain.class.getName(), "server", "--port", "0"));
        Process server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(printed.toFile()).start();
        List<Socket> clients = new ArrayList<>();
        try {
            waitFor(printed, () -> CommandLineTest.lines(printed).size() > 0, "the server's first line");
            Matcher listening = LISTENING.matcher(CommandLineTest.lines(printed).getFirst());
            assertTrue(listening.matches(), "first line: " + CommandLineTest.lines(printed));
            int port = Integer.parseInt(listening.group(1));
            // More clients than descriptors: the kernel completes every connection (the backlog),
            // the server accepts until accept() fails.
            for (int i = 0; i < CLIENTS; i++) {
                Socket socket = new Socket();
                clients.add(socket);
                try {
                    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
                } catch (IOException e) {
                    failIfStub(printed); // refused: the server is gone - at a stub, in the student edition?
                    throw e;
                }
                socket.setSoTimeout(5_000);
            }
            waitFor(printed, () -> count(printed, "! cannot accept: ") > 0, "'! cannot accept: ...' in the server's output");

            // 1. The clients it has are served: guest-1 and guest-2 were paired first.
            assertEquals("* welcome to the chat, you are guest-1 (type /help for commands)", firstLine(clients.get(0)));
            assertEquals("* welcome to the chat, you are guest-2 (type /help for commands)", firstLine(clients.get(1)));
            clients.get(0).getOutputStream().write("still served\n".getBytes(StandardCharsets.US_ASCII));
            assertTrue(readUntil(clients.get(1), "<guest-1> still served"), "a room keeps chatting while descriptors are out");

            // 2. Without spinning: a second of waiting costs it little CPU (a spinning loop takes a whole core).
            long before = cpuMillis(server.pid());
            LockSupport.parkNanos(1_000_000_000L);
            long used = cpuMillis(server.pid()) - before;
            assertTrue(used < 500, "the server used " + used + " ms of CPU in 1 s while out of descriptors: it spins");
            assertEquals(1, count(printed, "! cannot accept: "), "said once: " + CommandLineTest.lines(printed));

            // 3. Descriptors free again: the clients still waiting in the backlog are welcomed.
            for (Socket socket : clients.subList(2, CLIENTS - 1)) {
                socket.close();
            }
            Socket last = clients.getLast();
            assertTrue(firstLine(last).startsWith("* welcome"), "the last client is welcomed once descriptors are free");
            waitFor(printed, () -> count(printed, "accepting again") >= 1, "'accepting again' in the server's output: " + CommandLineTest.lines(printed));
        } finally {
            for (Socket socket : clients) {
                socket.close();
            }
            server.destroy();
            server.waitFor();
            Files.deleteIfExists(printed);
        }
    }

    private static String prlimit() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "prlimit");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        assumeTrue(System.getenv("SOCKETS_REQUIRE_PRLIMIT") != null, "needs prlimit (util-linux) to lower the server's descriptor limit");
        throw new AssertionError("SOCKETS_REQUIRE_PRLIMIT is set, but prlimit is not on the PATH");
    }

    /**
     * {@link TestServer#waitFor} (at most 30 s), watching the server's output too: in the student edition the
     * server may stop at a stub - then the test stops, naming it, instead of waiting in vain.
     */
    private static void waitFor(Path printed, java.util.function.BooleanSupplier condition, String what) {
        TestServer.waitFor(() -> {
            failIfStub(printed);
            return condition.getAsBoolean();
        }, what, 30); // a new JVM starts first, and a loaded machine may take seconds
    }

    /** The server's output names a stub it stopped at (student edition): the test stops, naming it. */
    private static void failIfStub(Path printed) {
        for (String line : CommandLineTest.lines(printed)) {
            Matcher stub = STUB.matcher(line);
            if (stub.find()) {
                throw new UnsupportedOperationException(stub.group());
            }
        }
    }

    private static long count(Path printed, String text) {
        return CommandLineTest.lines(printed).stream().filter(line -> line.contains(text)).count();
    }

    /** CPU time (user + system) of a process so far, in milliseconds, from /proc (clock ticks of 10 ms). */
    private static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    private static String firstLine(Socket socket) throws IOException {
        StringBuilder line = new StringBuilder();
        InputStream in = socket.getInputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("closed before a whole line: " + line);
            }
            line.append((char) b);
        }
        return line.toString();
    }

    private static boolean readUntil(Socket socket, String wanted) throws IOException {
        while (true) {
            String line = firstLine(socket);
            if (line.equals(wanted)) {
                return true;
            }
        }
    }
}
