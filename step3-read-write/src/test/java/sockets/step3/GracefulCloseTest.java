package sockets.step3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.Background;
import sockets.testing.Exercise;

/**
 * {@code ours} is the end handed to {@link GracefulClose}; {@code peer} plays the other program
 * with plain JDK calls. Every wait is bounded: a read timeout on both ends and {@code @Timeout}.
 */
@Exercise("3.9")
@Timeout(10)
@DisplayName("Abnormal endings: GracefulClose.close")
class GracefulCloseTest {

    private static final int DEADLINE_MILLIS = 5000;

    private ServerSocket listener;
    private Socket peer;
    private Socket ours;

    @BeforeEach
    void connect() throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        listener.setSoTimeout(DEADLINE_MILLIS);
        peer = new Socket();
        // A small receive buffer: what we send beyond it waits in our kernel until the peer reads.
        peer.setReceiveBufferSize(4096);
        peer.connect(new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort()), DEADLINE_MILLIS);
        peer.setSoTimeout(DEADLINE_MILLIS);
        ours = listener.accept();
        ours.setSoTimeout(DEADLINE_MILLIS);
    }

    @AfterEach
    void closeAll() throws IOException {
        try (ServerSocket l = listener; Socket p = peer; Socket o = ours) {
            // try-with-resources closes all three.
        }
    }

    @Test
    @DisplayName("the peer reads every byte we sent, then end of stream - though it sent bytes we never read")
    void nothingLostDespiteUnreadInput() throws Exception {
        // The peer sends a request that our side never reads, and waits until it is in our kernel.
        peer.getOutputStream().write(new byte[1000]);
        awaitAvailable(ours, 1000);
        // Our reply is far larger than the peer's receive buffer: most of it is still ours to send.
        ours.setSendBufferSize(256 * 1024);
        byte[] reply = new byte[64 * 1024];
        ours.getOutputStream().write(reply);
        // The peer reads nothing until our side has closed (after the drain's deadline).
        boolean peerClosed = GracefulClose.close(ours, Duration.ofMillis(300));
        assertFalse(peerClosed, "the peer never closed its side: close() should say so (false)");
        assertTrue(ours.isClosed(), "the socket should be closed when close() returns");
        long received = 0;
        InputStream in = peer.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int count = in.read(buffer); count != -1; count = in.read(buffer)) {
                received += count;
            }
        } catch (IOException reset) {
            throw new AssertionError("the peer got " + received + " of " + reply.length + " bytes, then " + reset
                    + " - closing with unread input makes the kernel send RST, which throws away what was not"
                    + " delivered yet: read (and drop) the peer's bytes before close()", reset);
        }
        assertEquals(reply.length, received, "the peer should read every byte of the reply, then -1");
    }

    @Test
    @DisplayName("half-closes first: the peer reads -1, answers, closes - and close() returns true")
    void halfClosesThenWaitsForThePeer() throws Exception {
        CompletableFuture<String> peerSaw = Background.supply(() -> {
            try {
                byte[] before = peer.getInputStream().readAllBytes(); // until our FIN
                peer.getOutputStream().write("last words\n".getBytes());
                peer.close();
                return before.length + " bytes, then -1";
            } catch (IOException e) {
                return e.toString();
            }
        });
        ours.getOutputStream().write("bye\n".getBytes());
        boolean peerClosed = GracefulClose.close(ours, Duration.ofSeconds(3));
        assertEquals("4 bytes, then -1", peerSaw.get(5, TimeUnit.SECONDS),
                "the peer should read our 4 bytes and then end of stream before we close"
                        + " - did you call shutdownOutput() first?");
        assertTrue(peerClosed, "the peer closed its side within the deadline: close() should return true");
        assertTrue(ours.isClosed(), "the socket should be closed when close() returns");
    }

    @Test
    @DisplayName("a peer that never closes: false once the deadline has passed, and the socket closed")
    void silentPeer() throws IOException {
        long start = System.nanoTime();
        boolean peerClosed = GracefulClose.close(ours, Duration.ofMillis(300));
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        assertFalse(peerClosed, "the peer never closed: close() should return false");
        assertTrue(waitedMillis >= 250, "close() should wait for the peer until the deadline (300 ms), waited only "
                + waitedMillis + " ms - did you read until -1?");
        assertTrue(ours.isClosed(), "the socket should be closed when close() returns");
        assertEquals(-1, peer.getInputStream().read(), "the peer should then read end of stream");
    }

    @Test
    @DisplayName("a peer that sends a byte every 20 ms cannot keep it past the deadline")
    void tricklingPeer() throws IOException {
        Background.run(() -> {
            try {
                for (int i = 0; i < 500; i++) { // exit: our side closed (the write fails), or 10 s
                    peer.getOutputStream().write('.');
                    Thread.sleep(20); // a slow peer, on purpose
                }
            } catch (IOException | InterruptedException closed) {
                // Our side has closed: the trickle ends.
            }
        });
        assertFalse(GracefulClose.close(ours, Duration.ofSeconds(1)),
                "the peer never closed: close() should give up at the deadline and return false"
                        + " (a timeout per read would wait forever here: keep one deadline for all reads)");
        assertTrue(ours.isClosed(), "the socket should be closed when close() returns");
    }

    @Test
    @DisplayName("a connection the peer has reset: false, no exception, and the socket closed")
    void resetByPeer() throws IOException {
        peer.setSoLinger(true, 0); // close() now aborts: RST
        peer.close();
        assertFalse(GracefulClose.close(ours, Duration.ofSeconds(3)),
                "the connection was reset, not closed gracefully: close() should return false");
        assertTrue(ours.isClosed(), "the socket should be closed when close() returns");
    }

    @Test
    @DisplayName("an output already shut down is fine: it drains and closes all the same")
    void alreadyHalfClosed() throws Exception {
        ours.shutdownOutput();
        Background.run(() -> {
            try {
                peer.getInputStream().readAllBytes();
                peer.close();
            } catch (IOException e) {
                // The assertion below says what went wrong.
            }
        });
        assertTrue(GracefulClose.close(ours, Duration.ofSeconds(3)),
                "the peer closed after our earlier half-close: close() should return true"
                        + " - shutdownOutput() twice throws, check isOutputShutdown() first");
        assertTrue(ours.isClosed(), "the socket should be closed when close() returns");
    }

    /** Waits (bounded) until {@code bytes} have arrived at {@code socket}, unread. */
    private static void awaitAvailable(Socket socket, int bytes) throws IOException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEADLINE_MILLIS);
        while (socket.getInputStream().available() < bytes) { // exit: arrived, or the deadline
            if (System.nanoTime() > end) {
                throw new AssertionError("the peer's " + bytes + " bytes never arrived");
            }
            Thread.onSpinWait();
        }
    }
}
