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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Ungraded: running out of descriptors is a state, not an end. The server runs in a JVM of its
 * own under {@code prlimit --nofile=64:64} (util-linux): skipped where prlimit is missing, except
 * where {@code SOCKETS_REQUIRE_PRLIMIT} is set (CI).
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@DisplayName("Out of descriptors, the selector server")
class DescriptorsTest {

    private static final int LIMIT = 64;
    private static final int CLIENTS = 90;

    @Test
    @DisplayName("says so once, serves its clients on without spinning, and accepts again once descriptors are free")
    void runsOutAndRecovers() throws Exception {
        List<Socket> clients = new ArrayList<>();
        try (ServerJvm server = ServerJvm.start(List.of(prlimit(), "--nofile=" + LIMIT + ":" + LIMIT))) {
            int port = server.port();
            // More clients than descriptors: the kernel completes every connection (the backlog),
            // the server accepts until accept() fails.
            for (int i = 0; i < CLIENTS; i++) {
                Socket socket = new Socket();
                clients.add(socket);
                try {
                    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
                } catch (IOException e) {
                    server.stubFirst(); // refused: the server is gone - at a stub, in the student edition?
                    throw e;
                }
                socket.setSoTimeout(5_000);
            }
            server.waitFor(() -> server.count("! cannot accept: ") > 0, "'! cannot accept: ...' in the server's output");

            // 1. The clients it has are served: guest-1 and guest-2 were paired first.
            assertEquals("* welcome to the chat, you are guest-1 (type /help for commands)", firstLine(clients.get(0)));
            assertEquals("* welcome to the chat, you are guest-2 (type /help for commands)", firstLine(clients.get(1)));
            clients.get(0).getOutputStream().write("still served\n".getBytes(StandardCharsets.US_ASCII));
            assertTrue(readUntil(clients.get(1), "<guest-1> still served"), "a room keeps chatting while descriptors are out");

            // 2. Without spinning: a second of waiting costs it little CPU (a spinning loop takes a whole core).
            long before = cpuMillis(server.process().pid());
            LockSupport.parkNanos(1_000_000_000L);
            long used = cpuMillis(server.process().pid()) - before;
            assertTrue(used < 500, "the server used " + used + " ms of CPU in 1 s while out of descriptors: it spins");
            assertEquals(1, server.count("! cannot accept: "), "said once: " + server.lines());

            // 3. Descriptors free again: the clients still waiting in the backlog are welcomed.
            for (Socket socket : clients.subList(2, CLIENTS - 1)) {
                socket.close();
            }
            Socket last = clients.getLast();
            assertTrue(firstLine(last).startsWith("* welcome"), "the last client is welcomed once descriptors are free");
            server.waitFor(() -> server.count("accepting again") >= 1, "'accepting again' in the server's output: " + server.lines());
        } finally {
            for (Socket socket : clients) {
                socket.close();
            }
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
