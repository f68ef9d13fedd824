package sockets.step5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import sockets.step4.OperatorConsole;
import sockets.step4.UserTerminal;
import sockets.testing.Exercise;
import sockets.testing.LoopbackClient;

/** Step 5's chat.jar takes step 4's server command line and keeps its promises (graded with 5.5: the whole server). */
@Exercise("5.5")
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@DisplayName("The selector server's command line")
@ExtendWith(StubFirst.class)
class CommandLineTest {

    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

    record Run(int exitCode, String out, String err) {}

    /** Runs {@code chat} with {@code typed} as its console input. */
    static Run chat(String typed, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SelectorMain.run(new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("server: 'listening on ADDR:PORT' first; the console's /quit stops it with 'server stopped', exit 0")
    void listensThenStops() {
        Run run = chat("/quit\n", "server", "--port", "0");
        List<String> lines = run.out().lines().toList();
        assertTrue(LISTENING.matcher(lines.getFirst()).matches(), "first line: " + run.out());
        assertEquals("type a line to send it to every client; /help lists the commands", lines.get(1), "step 4's console greets the operator");
        assertEquals("server stopped", lines.getLast());
        assertEquals(0, run.exitCode());
    }

    @Test
    @DisplayName("bad usage: exit 2, the problem and the usage, no stack trace")
    void badUsage() {
        for (String[] args : List.of(new String[] {"server", "--port", "70000"}, new String[] {"server", "--port", "x"},
                new String[] {"server", "--max-clients", "0"}, new String[] {"server", "--engine", "threads"},
                new String[0])) {
            Run run = chat("", args);
            assertEquals(2, run.exitCode(), String.join(" ", args) + ": " + run.err());
            assertTrue(run.err().contains("Usage: chat"), run.err());
            assertFalse(run.err().contains("Exception"), "never a stack trace: " + run.err());
        }
        assertTrue(chat("", "server", "--port", "70000").err().contains("--port must be 0 to 65535"));
    }

    @Test
    @DisplayName("a port in use: one 'error: cannot listen on ...' line, exit 1")
    void portInUse() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Run run = chat("", "server", "--port", Integer.toString(taken.getLocalPort()));
            assertEquals(1, run.exitCode());
            assertTrue(run.err().startsWith("error: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": "), run.err());
            assertEquals(1, run.err().lines().count(), run.err());
        }
    }

    @Test
    @DisplayName("step 4's operator console drives it: a line to everyone, /msg, /who, /kick, then /quit tells everyone and stops")
    void console() throws Exception {
        try (TestServer chat = TestServer.start()) {
            LoopbackClient[] room = chat.pair("alice", "bob");
            PipedOutputStream typing = new PipedOutputStream();
            PipedInputStream keyboard = new PipedInputStream(typing);
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            UserTerminal terminal = UserTerminal.open(keyboard, new PrintStream(screen, true, StandardCharsets.UTF_8), 4096, "/quit");
            Thread console = Thread.ofPlatform().daemon().start(() -> {
                try {
                    OperatorConsole.run(chat.server, terminal);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            type(typing, "hello from the console", "/msg alice just you", "/who", "/kick BOB flooding", "/kick nobody");
            for (LoopbackClient client : room) {
                assertEquals("<server> hello from the console", client.readLine());
            }
            assertEquals("<server> just you", room[0].readLine(), "/msg reaches alice only");
            assertEquals("* kicked by the operator: flooding", room[1].readLine());
            assertNull(room[1].readLine(), "a kicked client's goodbye: end of stream");
            room[1].halfClose();
            assertEquals("* bob left (kicked by the operator)", room[0].readLine());
            assertEquals("* waiting for a partner...", room[0].readLine());
            type(typing, "/quit");
            assertEquals("* server is shutting down", room[0].readLine());
            room[0].halfClose();
            console.join(5_000);
            assertFalse(console.isAlive(), "the console ends after /quit");
            assertTrue(chat.server.awaitStopped(5_000));
            String shown = screen.toString(StandardCharsets.UTF_8);
            for (String line : List.of("sent to 2 clients", "sent to alice", "2 connected: 1 room, 0 waiting",
                    "kicked BOB", "! nobody is called nobody - /who lists who is here")) {
                assertTrue(shown.contains(line), "the console shows '" + line + "': " + shown);
            }
            assertTrue(shown.matches("(?s).*  alice \\(127\\.0\\.0\\.1:\\d+\\) with bob \\(127\\.0\\.0\\.1:\\d+\\).*"),
                    "/who shows the room with the addresses: " + shown);
        }
    }

    private static void type(PipedOutputStream typing, String... lines) throws IOException {
        for (String line : lines) {
            typing.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        typing.flush();
    }

    @Test
    @DisplayName("SIGTERM in a JVM of its own: every client is told, 'server stopped' once, exit 0")
    void sigterm() throws Exception {
        try (ServerJvm server = ServerJvm.start(List.of())) {
            try (LoopbackClient client = LoopbackClient.connect(server.port())) {
                client.expectLine(line -> line.startsWith("* welcome"), "a welcome");
                server.process().destroy(); // SIGTERM
                client.expectLine("* server is shutting down"::equals, "the notice on SIGTERM");
                assertTrue(client.awaitClosed(), "the socket closed");
            } catch (IOException e) {
                server.stubFirst(); // reset by a server stopped at a stub (the student edition)?
                throw e;
            }
            assertTrue(server.process().waitFor(10, TimeUnit.SECONDS), "the server should exit after SIGTERM");
            assertEquals(0, server.process().exitValue(), "exit 0 after a graceful shutdown on SIGTERM");
            assertEquals(1, server.lines().stream().filter("server stopped"::equals).count(), "'server stopped' once: " + server.lines());
        }
    }

    /** The complete lines in {@code file} so far. */
    static List<String> lines(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            List<String> all = text.lines().toList();
            return text.endsWith("\n") ? all : all.subList(0, Math.max(0, all.size() - 1));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
