package sockets.step3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.Exercise;

@Exercise("3.5")
@Timeout(10)
@DisplayName("Half-close: EchoClient")
class EchoClientTest {

    /** Like an HTTP/1.0 server: reads the request until -1, then answers it in capitals and closes. */
    static CompletableFuture<byte[]> answerAfterEof(ServerSocket listener) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket client = listener.accept()) {
                client.setSoTimeout(5000);
                byte[] request = client.getInputStream().readAllBytes();
                String answer = new String(request, StandardCharsets.UTF_8).toUpperCase(Locale.ROOT);
                client.getOutputStream().write(answer.getBytes(StandardCharsets.UTF_8));
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
    @DisplayName("the program prints the reply and exits 0")
    void program() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ServerSocket listener = listen()) {
            CompletableFuture<byte[]> received = answerAfterEof(listener);
            int exit = EchoClient.run(new String[] {"127.0.0.1", String.valueOf(listener.getLocalPort()), "hello", "there"},
                    new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
            assertEquals(0, exit, "exit code");
            assertEquals("hello there\n", new String(received.get(2, TimeUnit.SECONDS), StandardCharsets.UTF_8));
            assertEquals("HELLO THERE\n", out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    @DisplayName("nobody listening: one line, exit 1; bad usage: exit 2")
    void errors() throws Exception {
        int closedPort;
        try (ServerSocket listener = listen()) {
            closedPort = listener.getLocalPort();
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(1, EchoClient.run(new String[] {"127.0.0.1", String.valueOf(closedPort), "hi"}, System.out, errors));
        assertEquals(2, EchoClient.run(new String[] {"127.0.0.1", "port", "hi"}, System.out, errors));
        assertEquals(2, EchoClient.run(new String[] {"127.0.0.1"}, System.out, errors));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("error: cannot connect to 127.0.0.1:" + closedPort), text);
        assertTrue(text.contains(EchoClient.USAGE), text);
        assertTrue(!text.contains("Exception"), "no stack trace for a user error: " + text);
    }
}
