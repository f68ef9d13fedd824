package sockets.step4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import sockets.step4.tls.Fingerprint;
import sockets.testing.Exercise;
import sockets.testing.LoopbackClient;
import sockets.testing.OpenDescriptors;

@Exercise("4.10")
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@DisplayName("The chat inside TLS")
class TlsTest {

    static final Fingerprint A = TestCertificates.fingerprint("a");
    static final Fingerprint B = TestCertificates.fingerprint("b");

    @TempDir
    Path config;

    @Nested
    @DisplayName("a TLS chat server")
    class Chat {
        @Test
        @DisplayName("relays lines both ways, and the wire shows none of them: only encrypted records")
        void relaysUnreadable() throws Exception {
            try (TestServer chat = TestServer.withTls(TestCertificates.serverContext("a"), 5_000);
                    FaultyProxy wire = FaultyProxy.fragmenting(chat.server.port(), 1 << 16, 0);
                    TlsClient alice = TlsClient.connect(chat.server.port(), A, config, 5_000)) {
                alice.expectLine("* waiting for a partner...");
                alice.send("/nick alice");
                alice.expectLine("* you are now alice");
                try (TlsClient bob = TlsClient.connect(wire.port(), A, config, 5_000)) {
                    bob.expectLine("* you are chatting with alice - say hello");
                    bob.send("a secret only alice may read");
                    alice.expectLine("<guest-2> a secret only alice may read");
                    alice.send("and my answer, secret too");
                    bob.expectLine("<alice> and my answer, secret too");
                    // Leaving inside TLS: the half-close is a close_notify record; "* bye" still comes back.
                    bob.socket.shutdownOutput();
                    bob.expectLine("* bye");
                    assertNull(bob.socket.receiveLine(), "after '* bye' the server closes: end of stream inside TLS");
                    alice.expectLine("* guest-2 left");
                }
                String wireText = wire.passedOn();
                assertTrue(wireText.length() > 500, "the proxy passed the conversation on: " + wireText.length() + " bytes");
                for (String clear : new String[] {"secret", "welcome", "alice", "bye"}) {
                    assertFalse(wireText.contains(clear), "'" + clear + "' crossed the wire in clear text: is the socket wrapped?");
                }
            }
        }

        @Test
        @DisplayName("refuses a client that offers only TLS 1.2: TLS 1.3 or nothing")
        void tls12Refused() throws Exception {
            try (TestServer chat = TestServer.withTls(TestCertificates.serverContext("a"), 5_000)) {
                SSLContext old = SSLContext.getInstance("TLS");
                old.init(null, new TrustManager[] {new TrustingEverything()}, null);
                try (SSLSocket client = (SSLSocket) old.getSocketFactory().createSocket("127.0.0.1", chat.server.port())) {
                    client.setSoTimeout(5_000);
                    client.setEnabledProtocols(new String[] {"TLSv1.2"});
                    assertThrows(IOException.class, client::startHandshake, "a TLS 1.2 handshake must fail");
                }
                RobustnessTest.waitFor(() -> chat.log().contains("! TLS handshake with 127.0.0.1:")
                        && chat.log().contains(" failed: no TLS version in common (this chat speaks TLS 1.3 only)"),
                        "the server's log line about the TLS version");
                assertEquals(0, chat.server.connections(), "nobody joined");
            }
        }
    }

    @Nested
    @DisplayName("a client that never reads")
    class NeverReads {
        /** 4000-byte lines from {@code flooder}, on a thread of their own, until {@code stop} or its connection ends. */
        private static CompletableFuture<Void> flood(TlsClient flooder, AtomicBoolean stop) {
            String line = "z".repeat(4000);
            return TestServer.asyncRun(() -> {
                try {
                    for (int i = 0; i < 16_000 && !stop.get(); i++) {
                        flooder.send(line);
                    }
                } catch (IOException e) {
                    // The test closed the flooder, or the server its connection: the flood is over.
                }
            });
        }

        @Test
        @DisplayName("is dropped at the stall time though its writer is blocked inside TLS, and its session ends")
        void droppedAndShutdown() throws Exception {
            try (TestServer chat = TestServer.withTls(TestCertificates.serverContext("a"), 5_000, 300);
                    TlsClient flooder = TlsClient.connect(chat.server.port(), A, config, 5_000)) {
                flooder.expectLine("* waiting for a partner...");
                TlsClient sleeper = TlsClient.connect(chat.server.port(), A, config, 5_000); // Closed by the server.
                flooder.expectLine("* guest-2 joined - say hello");
                AtomicBoolean stop = new AtomicBoolean();
                var flood = flood(flooder, stop);
                try {
                    flooder.expectLine("* guest-2 left (was not reading, disconnected)");
                } finally {
                    stop.set(true);
                }
                flood.get(5, TimeUnit.SECONDS);
                RobustnessTest.waitFor(() -> chat.server.connections() == 1,
                        "the sleeper's session to end: is a close waiting behind its blocked write?");
                flooder.close();
                long start = System.nanoTime();
                assertTrue(chat.server.shutdown(), "the shutdown runs");
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(millis < 3_000, "a shutdown took " + millis + " ms: is a close waiting behind a blocked write?");
                RobustnessTest.waitFor(() -> chat.server.connections() == 0, "every client's session to end after the shutdown");
            }
        }

        @Test
        @DisplayName("leaves (half-closes) while its writer is blocked inside TLS: its session still ends in bounded time")
        void leavesWhileBlocked() throws Exception {
            try (TestServer chat = TestServer.withTls(TestCertificates.serverContext("a"), 5_000, 60_000);
                    TlsClient flooder = TlsClient.connect(chat.server.port(), A, config, 5_000)) {
                flooder.expectLine("* waiting for a partner...");
                try (TlsClient sleeper = TlsClient.connect(chat.server.port(), A, config, 5_000)) {
                    flooder.expectLine("* guest-2 joined - say hello");
                    AtomicBoolean stop = new AtomicBoolean();
                    var flood = flood(flooder, stop);
                    try {
                        awaitStalledWriter(chat);
                        sleeper.socket.shutdownOutput();
                        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
                        while (chat.server.connections() > 1) {
                            assertTrue(System.nanoTime() < end, "the sleeper's session did not end within 8 s of its half-close:"
                                    + " is the TLS half-close (close_notify) waiting behind its blocked write, with no deadline?");
                            LockSupport.parkNanos(1_000_000);
                        }
                    } finally {
                        stop.set(true);
                        flooder.close();
                    }
                    flood.get(5, TimeUnit.SECONDS);
                }
            }
        }
    }

    @Nested
    @DisplayName("the handshake's deadline")
    class Deadlines {
        @Test
        @DisplayName("a client gives up on a server that never answers its handshake")
        void clientGivesUp() throws Exception {
            try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                long start = System.nanoTime();
                IOException e = assertThrows(IOException.class, () -> TlsClient.connect(silent.getLocalPort(), A, config, 500),
                        "the handshake must fail when the server never answers");
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertEquals("TLS handshake with 127.0.0.1:" + silent.getLocalPort() + " not finished within 500 ms", e.getMessage());
                assertTrue(millis >= 450 && millis < 5_000, "gave up after " + millis + " ms, the deadline is 500 ms");
            }
        }

        @Test
        @DisplayName("the server closes a client that starts a handshake and stops, and says so in its log")
        void serverClosesHalfHandshake() throws Exception {
            try (TestServer chat = TestServer.withTls(TestCertificates.serverContext("a"), 500);
                    Socket half = new Socket()) {
                half.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), chat.server.port()), 5_000);
                half.setSoTimeout(5_000);
                half.getOutputStream().write(new byte[] {0x16, 0x03, 0x01}); // A record's first bytes, then nothing.
                assertEquals(-1, readQuietly(half.getInputStream()), "the server must close the connection after its deadline");
                RobustnessTest.waitFor(() -> chat.log().contains("not finished within 500 ms"),
                        "the log line '! TLS handshake with ... not finished within 500 ms'");
            }
        }
    }

    @Nested
    @DisplayName("bad peers")
    class BadPeers {
        @Test
        @DisplayName("a TLS client to a plain server: one line saying it does not speak TLS")
        void tlsClientPlainServer() throws Exception {
            try (TestServer plain = TestServer.start()) {
                IOException e = assertThrows(IOException.class, () -> TlsClient.connect(plain.server.port(), A, config, 5_000));
                assertEquals("TLS handshake with 127.0.0.1:" + plain.server.port()
                        + " failed: it does not speak TLS (a plain chat server? then connect without --tls)", e.getMessage());
            }
        }

        @Test
        @DisplayName("a client that does not trust the certificate: refused before anything is said, nobody told")
        void distrustingClient() throws Exception {
            try (TestServer chat = TestServer.withTls(TestCertificates.serverContext("a"), 5_000);
                    TlsClient alice = TlsClient.connect(chat.server.port(), A, config, 5_000)) {
                alice.send("/nick alice");
                alice.expectLine("* you are now alice");
                IOException e = assertThrows(IOException.class, () -> TlsClient.connect(chat.server.port(), B, config, 5_000));
                assertEquals("the certificate of 127.0.0.1:" + chat.server.port() + " is not the one given: expected " + B
                        + ", got " + A, e.getMessage());
                RobustnessTest.waitFor(() -> refusedHandshake(chat.log()), "the server's log line about a refused handshake");
                alice.send("/who");
                alice.expect(line -> line.startsWith("* you are alice, waiting for a partner; 1 connected"),
                        "alice still alone: the refused client never joined");
            }
        }

        @Test
        @DisplayName("many bad and good handshakes leave no descriptor, connection or thread behind")
        void noLeaks() throws Exception {
            try (TestServer chat = TestServer.withTls(TestCertificates.serverContext("a"), 500);
                    TlsClient keeper = TlsClient.connect(chat.server.port(), A, config, 5_000)) {
                keeper.expectLine("* waiting for a partner...");
                long descriptors = OpenDescriptors.count();
                int threads = ManagementFactory.getThreadMXBean().getThreadCount();
                int port = chat.server.port();
                for (int i = 0; i < 25; i++) {
                    try (TlsClient good = TlsClient.connect(port, A, config, 5_000)) {
                        good.send("/quit");
                        good.expectLine("* bye");
                    }
                    assertThrows(IOException.class, () -> TlsClient.connect(port, B, config, 5_000));
                    try (LoopbackClient plain = LoopbackClient.connect(port)) {
                        plain.send("hello");
                        plain.expectLine(line -> line.equals(TlsWrapper.NOT_TLS), "the plain-text answer");
                    }
                    try (Socket cut = new Socket()) {
                        cut.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
                        cut.getOutputStream().write(new byte[] {0x16, 0x03});
                        cut.setSoLinger(true, 0); // A reset in the middle of the handshake.
                    }
                }
                RobustnessTest.waitFor(() -> OpenDescriptors.count() <= descriptors + 10 && chat.server.connections() == 1,
                        "every bad connection to be closed (descriptors " + descriptors + " before)");
                assertTrue(ManagementFactory.getThreadMXBean().getThreadCount() <= threads + 5, "platform threads leaked");
                keeper.send("/who");
                keeper.expect(line -> line.contains("waiting for a partner; 1 connected"), "the keeper alone, still served");
            }
        }
    }

    /**
     * The server's log line for a client that refused its certificate: the client's alert, or -
     * when the client closed before the server read it - a connection closed mid-handshake.
     */
    static boolean refusedHandshake(String log) {
        return Pattern.compile("! TLS handshake with 127\\.0\\.0\\.1:\\d+ failed: (the peer does not trust our certificate"
                + "|the peer closed the connection in the middle of it)").matcher(log).find();
    }

    /**
     * Waits until the outboxes stay full for 500 ms: the writer takes everything waiting whenever
     * it can write, so a queue that stays full means it is blocked in a write (the kernel's
     * buffers, several MB on loopback, are full).
     */
    private static void awaitStalledWriter(TestServer chat) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        long fullSince = System.nanoTime();
        while (System.nanoTime() - fullSince < TimeUnit.MILLISECONDS.toNanos(500)) {
            assertTrue(System.nanoTime() < end, "the sleeper's writer never stalled within 15 s");
            if (chat.server.queuedBytes() < Outbox.MAX_BYTES) {
                fullSince = System.nanoTime();
            }
            LockSupport.parkNanos(5_000_000);
        }
    }

    private static int readQuietly(InputStream in) {
        try {
            return in.read();
        } catch (IOException e) {
            return -1; // A reset is a close too.
        }
    }

    /** The test's old-fashioned client trusts anything: what is tested here is the server's TLS version. */
    static final class TrustingEverything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // The test's own client: it checks the server's protocol, not its certificate.
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
