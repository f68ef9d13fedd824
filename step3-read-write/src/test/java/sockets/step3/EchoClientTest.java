package sockets.step3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.Background;
import sockets.testing.Exercise;

@Exercise("3.5")
@Timeout(10)
@DisplayName("Half-close: EchoClient")
class EchoClientTest {

    /** Like an HTTP/1.0 server: reads the request until -1, then answers it in capitals and closes. */
    static CompletableFuture<byte[]> answerAfterEof(ServerSocket listener) {
        return answerAfterEof(listener, request -> request.toUpperCase(Locale.ROOT));
    }

    /** Reads the request until -1, then sends {@code answer}'s reply to it and closes. */
    static CompletableFuture<byte[]> answerAfterEof(ServerSocket listener, UnaryOperator<String> answer) {
        return Background.supply(() -> {
            try (Socket client = listener.accept()) {
                client.setSoTimeout(5000);
                byte[] request = client.getInputStream().readAllBytes();
                String reply = answer.apply(new String(request, StandardCharsets.UTF_8));
                client.getOutputStream().write(reply.getBytes(StandardCharsets.UTF_8));
                return request;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static ServerSocket listen() throws IOException {
        ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        listener.setSoTimeout(5000);
        return listener;
    }

    @Test
    @DisplayName("exchange() sends, half-closes, and reads the whole reply until the server closes")
    void exchange() throws Exception {
        byte[] request = "x".repeat(100_000).getBytes(StandardCharsets.UTF_8);
        try (ServerSocket listener = listen(); Socket socket = new Socket()) {
            CompletableFuture<byte[]> received = answerAfterEof(listener);
            socket.connect(listener.getLocalSocketAddress(), 2000);
            socket.setSoTimeout(2000);
            byte[] reply;
            try {
                reply = EchoClient.exchange(socket, request);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no reply within 2 s - did you shutdownOutput() after writing?"
                        + " The server answers only once its read() returns -1", e);
            }
            assertArrayEquals(request, received.get(2, TimeUnit.SECONDS), "the server got the whole request");
            assertEquals(100_000, reply.length, "read the reply until -1: readAllBytes, not one read()");
            assertTrue(socket.isOutputShutdown(), "our sending side should be shut down (half-close)");
            assertEquals(-1, socket.getInputStream().read(), "after the reply the server has closed: -1");
        }
    }

    @Test
    @DisplayName("exchange() flushes before it half-closes: a socket whose stream buffers still sends the request")
    void flushesBeforeHalfClose() throws Exception {
        try (ServerSocket listener = listen(); Socket socket = new BufferingSocket()) {
            CompletableFuture<byte[]> received = answerAfterEof(listener);
            socket.connect(listener.getLocalSocketAddress(), 2000);
            socket.setSoTimeout(2000);
            byte[] reply = EchoClient.exchange(socket, "hello\n".getBytes(StandardCharsets.UTF_8));
            assertEquals("hello\n", new String(received.get(2, TimeUnit.SECONDS), StandardCharsets.UTF_8),
                    "the server should get the request - did you flush() before shutdownOutput()?");
            assertEquals("HELLO\n", new String(reply, StandardCharsets.UTF_8));
        }
    }

    /** A socket whose output stream buffers, as a decorated socket may: only flush() sends its bytes. */
    static final class BufferingSocket extends Socket {
        private OutputStream buffered;

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (buffered == null) {
                buffered = new BufferedOutputStream(super.getOutputStream());
            }
            return buffered;
        }
    }

    /** What a run of the program printed, and its exit code. */
    record Run(int exit, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    /** Runs the program with a standard output like {@code System.out}: a buffered stream, flushed at each print. */
    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = EchoClient.run(args, new PrintStream(new BufferedOutputStream(out), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("the program prints the reply and exits 0")
    void program() throws Exception {
        try (ServerSocket listener = listen()) {
            CompletableFuture<byte[]> received = answerAfterEof(listener);
            Run run = run("127.0.0.1", String.valueOf(listener.getLocalPort()), "hello", "there");
            assertEquals(0, run.exit(), "exit code; printed: " + run.err());
            assertEquals("hello there\n", new String(received.get(2, TimeUnit.SECONDS), StandardCharsets.UTF_8));
            assertEquals("HELLO THERE\n", run.out());
            assertEquals("", run.err());
        }
    }

    @Test
    @DisplayName("a reply without a final newline is printed as it came, nothing added")
    void replyWithoutNewline() throws Exception {
        try (ServerSocket listener = listen()) {
            answerAfterEof(listener, request -> "OK");
            Run run = run("127.0.0.1", String.valueOf(listener.getLocalPort()), "status?");
            assertEquals(0, run.exit(), "exit code; printed: " + run.err());
            assertEquals("OK", run.out(), "print the reply's bytes as they are: print, not println");
        }
    }

    @Test
    @DisplayName("nobody listening: one line, exit 1")
    void nobodyListening() throws Exception {
        int closedPort;
        try (ServerSocket listener = listen()) {
            closedPort = listener.getLocalPort();
        }
        Run run = run("127.0.0.1", String.valueOf(closedPort), "hi");
        assertEquals(1, run.exit());
        assertEquals(1, run.errLines().size(), "one line, no stack trace: " + run.err());
        assertTrue(run.err().startsWith("error: cannot connect to 127.0.0.1:" + closedPort + ": "), run.err());
    }

    @Test
    @DisplayName("a name that does not resolve: one line, exit 1")
    void unknownHost() throws Exception {
        // RFC 2606 reserves .invalid: such a name never resolves.
        Run run = run("no-such-host.invalid", "7007", "hi");
        assertEquals(1, run.exit());
        assertEquals(List.of("error: unknown host no-such-host.invalid"), run.errLines());
    }

    @Test
    @DisplayName("a server that drops the connection: one line, exit 1")
    void connectionDropped() throws Exception {
        try (ServerSocket listener = listen()) {
            CompletableFuture<Void> dropped = Background.run(() -> {
                try (Socket client = listener.accept()) {
                    client.setSoTimeout(5000);
                    client.getInputStream().readAllBytes();
                    client.setSoLinger(true, 0); // close with a reset, like a crashed server
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            Run run = run("127.0.0.1", String.valueOf(listener.getLocalPort()), "hi");
            dropped.get(2, TimeUnit.SECONDS);
            assertEquals(1, run.exit(), "exit code; printed: " + run.err());
            assertEquals(List.of("error: Connection reset"), run.errLines());
            assertEquals("", run.out());
        }
    }

    @Test
    @DisplayName("bad usage: what is wrong, then the usage line; exit 2")
    void badUsage() {
        Run tooFew = run("127.0.0.1", "7");
        assertEquals(2, tooFew.exit());
        assertEquals(List.of(EchoClient.USAGE), tooFew.errLines());
        Run badPort = run("127.0.0.1", "port", "hi");
        assertEquals(2, badPort.exit());
        assertEquals(List.of("error: PORT must be a number from 0 to 65535, was 'port'", EchoClient.USAGE),
                badPort.errLines());
    }
}
