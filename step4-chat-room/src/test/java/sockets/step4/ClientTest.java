package sockets.step4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sockets.testing.Exercise;
import sockets.testing.LoopbackClient;

/**
 * Exercise 4.9 for what the client does (a graceful end, cleaned and over-long lines, a full or lost server, a
 * kick); the terminals it writes to, the refused connection's message, the --name rule checked before connecting
 * and a name the server refuses are given code, checked for no points.
 */
@Timeout(value = 15, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@DisplayName("The chat client")
class ClientTest {

    /** What one run of {@code chat client} printed and returned. */
    record Run(int exitCode, String out, String err) {}

    static Run client(InputStream keyboard, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] command = new String[args.length + 1];
        command[0] = "client";
        System.arraycopy(args, 0, command, 1, args.length);
        int code = ChatMain.run(keyboard, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), command);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static InputStream typed(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A keyboard nobody types on: reads block until the test ends. */
    static InputStream idleKeyboard() throws Exception {
        return new PipedInputStream(new PipedOutputStream());
    }

    /** {@code chat client --name NAME} with nobody typing, in the background: until the server ends it. */
    static CompletableFuture<Run> inBackground(TestServer chat, String name) {
        return TestServer.async(() -> {
            try {
                return client(idleKeyboard(), "--port", String.valueOf(chat.server.port()), "--name", name);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Exercise("4.9")
    @Nested
    @DisplayName("leaves gracefully and exits 0")
    class Graceful {
        @Test
        @DisplayName("at end of input, after the server's '* bye'")
        void endOfInput() throws Exception {
            try (TestServer chat = TestServer.start()) {
                LoopbackClient bob = chat.join("bob");
                Run run = client(typed("hi bob\n"), "--port", String.valueOf(chat.server.port()), "--name", "zoe");
                assertEquals(0, run.exitCode(), "exit 0 after a graceful leave; err: " + run.err());
                assertTrue(run.out().contains("* bye"), "the client waits for '* bye' (half-close, then read on): " + run.out());
                bob.expectLine(line -> line.equals("<zoe> hi bob"), "zoe's line");
                bob.expectLine(line -> line.equals("* zoe left"), "'* zoe left' after zoe's end of input");
            }
        }

        @Test
        @DisplayName("at /quit, sending nothing typed after it")
        void quit() throws Exception {
            try (TestServer chat = TestServer.start()) {
                LoopbackClient bob = chat.join("bob");
                Run run = client(typed("first\n/quit\nnever sent\n"), "--port", String.valueOf(chat.server.port()), "--name", "zoe");
                assertEquals(0, run.exitCode(), run.err());
                bob.expectLine(line -> line.equals("<zoe> first"), "the line before /quit");
                assertEquals("* zoe left", bob.readLine(), "nothing after /quit is sent");
            }
        }

        @Test
        @DisplayName("when the server shuts down, showing its notice")
        void serverShutdown() throws Exception {
            try (TestServer chat = TestServer.start()) {
                LoopbackClient bob = chat.join("bob");
                var run = inBackground(chat, "sam");
                bob.expectLine(line -> line.endsWith("is now sam"), "the client joining as sam");
                var stopping = TestServer.async(chat.server::shutdown);
                bob.expectLine(line -> line.equals("* server is shutting down"), "the notice at bob too");
                assertTrue(bob.awaitClosed());
                bob.close();
                assertTrue(stopping.get(5, TimeUnit.SECONDS));
                Run result = run.get(10, TimeUnit.SECONDS);
                assertEquals(0, result.exitCode(), result.err());
                assertTrue(result.out().contains("* server is shutting down"), result.out());
            }
        }
    }

    @Exercise("4.9")
    @Test
    @DisplayName("prints what arrives without control characters")
    void printsCleaned() throws Exception {
        try (SimpleServerSocket fake = SimpleServerSocket.listen("127.0.0.1", 0, 4096)) {
            var server = TestServer.asyncRun(() -> {
                try (SimpleSocket client = fake.accept()) {
                    client.sendLine("<mallory> \u001b[2Jgotcha\u0007");
                    client.sendLine("* bye");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Run run = client(idleKeyboard(), "--port", String.valueOf(fake.localPort()));
            server.get(5, TimeUnit.SECONDS);
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().contains("<mallory> \uFFFD[2Jgotcha\uFFFD"), run.out());
            assertFalse(run.out().contains("\u001b"), "the client must not print ESC, whatever the server sends");
        }
    }

    @Exercise("4.9")
    @Test
    @DisplayName("skips an over-long line, typed or received, and goes on")
    void overLongLines() throws Exception {
        try (SimpleServerSocket fake = SimpleServerSocket.listen("127.0.0.1", 0, 4096)) {
            var server = TestServer.async(() -> {
                try (SimpleSocket client = fake.accept()) {
                    client.sendLine("x".repeat(ChatClient.MAX_LINE_BYTES + 1));
                    String first = client.receiveLine();
                    client.sendLine("* bye");
                    return first;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            String keyboard = "k".repeat(ChatClient.MAX_LINE_BYTES + 1) + "\nshort\n";
            Run run = client(typed(keyboard), "--port", String.valueOf(fake.localPort()));
            assertEquals("short", server.get(5, TimeUnit.SECONDS), "the over-long typed line must not be sent");
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().contains("! your line was too long"), run.out());
            assertTrue(run.out().contains("! a line too long to show was skipped"), run.out());
        }
    }

    @Test
    @DisplayName("with its output redirected, each line that arrives is written out at once, never left in a buffer")
    void plainTerminalWritesAtOnce() throws Exception {
        ByteArrayOutputStream pipe = new ByteArrayOutputStream();
        // Like a pipe to another program: buffered, and no flush at the end of a line.
        PrintStream buffered = new PrintStream(new java.io.BufferedOutputStream(pipe), false, StandardCharsets.UTF_8);
        try (PlainTerminal terminal = new PlainTerminal(typed("hello\n"), buffered, 4096)) {
            assertEquals("hello", terminal.readLine());
            terminal.show("<bob> hi");
            assertEquals("<bob> hi", pipe.toString(StandardCharsets.UTF_8).strip(), "the line must reach the pipe at once");
        }
    }

    @Nested
    @DisplayName("exits 1 with one 'error:' line")
    class Failing {
        @Exercise("4.9")
        @Test
        @DisplayName("when the server is full")
        void full() throws Exception {
            try (TestServer chat = TestServer.start(4096, 1)) {
                chat.join("only");
                Run run = client(idleKeyboard(), "--port", String.valueOf(chat.server.port()));
                assertEquals(1, run.exitCode());
                assertEquals("error: the server is full - try again later", run.err().strip());
                assertTrue(run.out().contains("! server is full"), "the server's line is shown too: " + run.out());
            }
        }

        @Exercise("4.9")
        @Test
        @DisplayName("when the connection is lost without a goodbye")
        void lost() throws Exception {
            try (SimpleServerSocket fake = SimpleServerSocket.listen("127.0.0.1", 0, 4096)) {
                var server = TestServer.asyncRun(() -> {
                    try {
                        fake.accept().close();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                Run run = client(idleKeyboard(), "--port", String.valueOf(fake.localPort()));
                server.get(5, TimeUnit.SECONDS);
                assertEquals(1, run.exitCode());
                assertEquals("error: connection lost - the server closed without saying goodbye", run.err().strip());
            }
        }

        @Exercise("4.9")
        @Test
        @DisplayName("when the operator kicks it out, saying why")
        void kicked() throws Exception {
            try (TestServer chat = TestServer.start()) {
                LoopbackClient bob = chat.join("bob");
                var run = inBackground(chat, "zoe");
                bob.expectLine(line -> line.endsWith("is now zoe"), "the client joining as zoe");
                assertTrue(chat.server.controls().kick("zoe", "too loud"));
                bob.expectLine(line -> line.equals("* zoe left (kicked by the operator)"), "'* zoe left' at bob");
                Run result = run.get(10, TimeUnit.SECONDS);
                assertEquals(1, result.exitCode(), "being kicked out is not a normal end: " + result.err());
                assertEquals("error: kicked by the operator: too loud", result.err().strip());
                assertTrue(result.out().contains("* kicked by the operator: too loud"), "the notice is shown: " + result.out());
            }
        }

        @Test
        @DisplayName("when the server refuses its --name (taken), before it chats")
        void nameTaken() throws Exception {
            try (TestServer chat = TestServer.start()) {
                LoopbackClient alice = chat.join("alice");
                Run run = client(idleKeyboard(), "--port", String.valueOf(chat.server.port()), "--name", "ALICE");
                assertEquals(1, run.exitCode(), "a taken name ends the client, never a chat as a guest: " + run.out());
                assertEquals("error: cannot use that name: the name ALICE is taken", run.err().strip());
                assertEquals("", run.out(), "nothing of the chat is shown: the client never chatted");
                alice.expectLine(line -> line.matches("\\* guest-\\d+ left"), "the guest gone again at once");
            }
        }

        /**
         * The server ends before it answers {@code --name}: its last line says why (a given-code path:
         * ChatClient.takeName). A shutdown notice is a goodbye (exit 0); anything else is an error, a kick named as such.
         */
        @ParameterizedTest(name = "the server''s last line before answering --name: ''{0}''")
        @ValueSource(strings = {"* server is shutting down", "! server is full (2 clients) - try again later",
                "* kicked by the operator: too loud", ""})
        void endsBeforeTheName(String last) throws Exception {
            try (SimpleServerSocket fake = SimpleServerSocket.listen("127.0.0.1", 0, 4096)) {
                var server = TestServer.asyncRun(() -> {
                    try (SimpleSocket one = fake.accept()) {
                        assertEquals("/nick sam", one.receiveLine(), "the name is asked for first");
                        if (!last.isEmpty()) {
                            one.sendLine(last);
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                Run run = client(idleKeyboard(), "--port", String.valueOf(fake.localPort()), "--name", "sam");
                server.get(5, TimeUnit.SECONDS);
                // Kicked before the name is confirmed: the operator can kick a client between the
                // partner's "is now sam" and the client's own "* you are now sam".
                String expected = last.startsWith("* server") ? "" : last.startsWith("* kicked")
                        ? "error: kicked by the operator: too loud" : last.startsWith("!")
                        ? "error: the server is full - try again later"
                        : "error: connection lost - the server closed without saying goodbye";
                assertEquals(expected, run.err().strip());
                assertEquals(expected.isEmpty() ? 0 : 1, run.exitCode(), "a shutdown is a goodbye, the rest errors");
                assertEquals(last, run.out().strip(), "the server's last line is shown");
            }
        }

        @Test
        @DisplayName("when the connection is refused")
        void refused() throws Exception {
            int port;
            try (SimpleServerSocket probe = SimpleServerSocket.listen("127.0.0.1", 0, 4096)) {
                port = probe.localPort();
            }
            Run run = client(idleKeyboard(), "--port", String.valueOf(port));
            assertEquals(1, run.exitCode());
            assertEquals("error: connection refused by 127.0.0.1:" + port + ": nothing is listening on that port", run.err().strip());
        }
    }

    @ParameterizedTest(name = "--name ''{0}'': exit 2, the rule it breaks, no connection tried")
    @ValueSource(strings = {"bad name", "", "abcdefghijklmnopqrstu", "Server", "caf\u00e9"})
    void badName(String name) throws Exception {
        int port; // Nothing listens there: had the client connected first, it would fail with "refused" and 1.
        try (SimpleServerSocket probe = SimpleServerSocket.listen("127.0.0.1", 0, 4096)) {
            port = probe.localPort();
        }
        Run run = client(idleKeyboard(), "--port", String.valueOf(port), "--name", name);
        assertEquals(2, run.exitCode(), "a --name breaking the rules is bad usage: " + run.err());
        assertTrue(run.err().startsWith("--name: " + Names.problemWith(name)), "the rule, in one line: " + run.err());
        assertFalse(run.err().contains("refused"), "checked before connecting: " + run.err());
    }

}
