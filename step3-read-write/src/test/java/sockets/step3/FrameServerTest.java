package sockets.step3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.step3.framing.FrameReader;
import sockets.step3.framing.FrameWriter;
import sockets.testing.Background;

/** Ungraded: the frame server the README runs against a Python peer, here with a Java one. */
@Timeout(10)
@DisplayName("FrameServer")
class FrameServerTest {

    @Test
    @DisplayName("answers each frame with a frame saying what it got, until the client half-closes")
    void answersEachFrame() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (ServerSocket listener = listen()) {
            CompletableFuture<Void> server = serveOne(listener, log);
            try (Socket client = connect(listener)) {
                FrameWriter out = new FrameWriter(client.getOutputStream(), 1024);
                FrameReader in = new FrameReader(client.getInputStream(), 1024);
                out.writeFrame("hello".getBytes(StandardCharsets.UTF_8));
                assertEquals("got 5 bytes: hello", new String(in.readFrame(), StandardCharsets.UTF_8));
                out.writeFrame("two\nlines, ünï".getBytes(StandardCharsets.UTF_8));
                assertEquals("got 16 bytes: two\nlines, ünï", new String(in.readFrame(), StandardCharsets.UTF_8));
                client.shutdownOutput();
                assertNull(in.readFrame(), "the server should close after our half-close");
            }
            server.get(5, TimeUnit.SECONDS);
        }
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("client done"), log.toString(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("closes the connection on a length in the wrong byte order, and says why")
    void wrongByteOrder() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (ServerSocket listener = listen()) {
            CompletableFuture<Void> server = serveOne(listener, log);
            clientSide(server, () -> {
                try (Socket client = connect(listener)) {
                    // "hi" with its length little-endian: 02 00 00 00 reads as 33554432 big-endian.
                    client.getOutputStream().write(new byte[] {2, 0, 0, 0});
                    client.getOutputStream().write("hi".getBytes(StandardCharsets.UTF_8));
                    assertEquals(-1, client.getInputStream().read(), "the server should close the connection");
                }
            });
            server.get(5, TimeUnit.SECONDS);
        }
        assertEquals("client announced a frame of 33554432 bytes, over the limit of 65536 - a length in the"
                        + " wrong byte order? closing the connection",
                log.toString(StandardCharsets.UTF_8).lines().skip(1).findFirst().orElse(""));
    }

    @Test
    @DisplayName("a client that leaves inside a frame is reported, and the next one served")
    void clientLeavesInsideAFrame() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (ServerSocket listener = listen()) {
            CompletableFuture<Void> server = Background.run(() -> {
                try {
                    FrameServer.serve(listener, 2, new PrintStream(log, true, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            clientSide(server, () -> {
                try (Socket first = connect(listener)) {
                    first.getOutputStream().write(new byte[] {0, 0, 0, 9, 'c', 'u', 't'}); // 9 announced, 3 sent
                }
                try (Socket second = connect(listener)) {
                    new FrameWriter(second.getOutputStream(), 1024).writeFrame("next".getBytes(StandardCharsets.UTF_8));
                    assertEquals("got 4 bytes: next",
                            new String(new FrameReader(second.getInputStream(), 1024).readFrame(), StandardCharsets.UTF_8));
                }
            });
            server.get(5, TimeUnit.SECONDS);
        }
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("client left inside a frame: "),
                log.toString(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("a client whose connection is reset is reported as lost")
    void clientReset() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (ServerSocket listener = listen()) {
            CompletableFuture<Void> server = serveOne(listener, log);
            clientSide(server, () -> {
                try (Socket client = connect(listener)) {
                    client.getOutputStream().write(new byte[] {0, 0});
                    client.setSoLinger(true, 0); // close() now aborts: RST
                }
            });
            server.get(5, TimeUnit.SECONDS);
        }
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("client lost: Connection reset"),
                log.toString(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("the program: a bad port is usage (exit 2)")
    void badPort() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, FrameServer.run(new String[] {"99999"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(FrameServer.USAGE));
    }

    static ServerSocket listen() throws IOException {
        ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        listener.setSoTimeout(5000);
        return listener;
    }

    static CompletableFuture<Void> serveOne(ServerSocket listener, ByteArrayOutputStream log) {
        return Background.run(() -> {
            try {
                FrameServer.serve(listener, 1, new PrintStream(log, true, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** A test's client side, as the server sees it. */
    interface Client {
        void run() throws Exception;
    }

    /**
     * Runs {@code client}; when it fails because the server stopped first - at an exercise not
     * done yet, say - the server's failure is what the test reports (a broken pipe says less).
     */
    static void clientSide(CompletableFuture<Void> server, Client client) throws Exception {
        try {
            client.run();
        } catch (Exception | AssertionError clientFailed) {
            try {
                server.get(5, TimeUnit.SECONDS);
            } catch (ExecutionException serverFailed) {
                serverFailed.addSuppressed(clientFailed);
                throw serverFailed;
            } catch (TimeoutException stillServing) {
                // The server is fine so far: the client's own failure is the news.
            }
            throw clientFailed;
        }
    }

    private static Socket connect(ServerSocket listener) throws IOException {
        Socket client = new Socket();
        client.connect(new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort()), 5000);
        client.setSoTimeout(5000);
        return client;
    }
}
