package sockets.step4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.step3.framing.LineTooLongException;
import sockets.testing.Exercise;

@Exercise("4.1")
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@DisplayName("SimpleSocket")
class SimpleSocketTest {

    private static final int TIMEOUT = 5_000;

    /** A listening socket, a client connected to it, and the server's side of that connection. */
    record Connection(SimpleSocket listener, SimpleSocket client, SimpleSocket server) implements AutoCloseable {
        static Connection open(int maxLineBytes) throws Exception {
            SimpleSocket listener = SimpleSocket.listen("127.0.0.1", 0);
            var accepted = TestServer.async(() -> {
                try {
                    return listener.accept(maxLineBytes);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            SimpleSocket client = SimpleSocket.connect("127.0.0.1", listener.localPort(), TIMEOUT, maxLineBytes);
            return new Connection(listener, client, accepted.get(5, TimeUnit.SECONDS));
        }

        @Override
        public void close() {
            client.close();
            server.close();
            listener.close();
        }
    }

    @Nested
    @DisplayName("on the server side")
    class ServerSide {
        @Test
        @DisplayName("listens on the real port after binding to port 0")
        void reportsRealPort() throws Exception {
            try (SimpleSocket listener = SimpleSocket.listen("127.0.0.1", 0)) {
                assertTrue(listener.localPort() > 0, "port 0 means 'any free port' - localPort() should say which");
                assertEquals("127.0.0.1:" + listener.localPort(), listener.localAddress());
            }
        }

        @Test
        @DisplayName("writes an IPv6 address in brackets")
        void ipv6InBrackets() throws Exception {
            try (SimpleSocket listener = SimpleSocket.listen("::1", 0)) {
                assertEquals("[::1]:" + listener.localPort(), listener.localAddress());
            }
        }

        @Test
        @DisplayName("says clearly when the address to listen on is unknown")
        void unknownAddress() {
            IOException e = assertThrows(IOException.class, () -> SimpleSocket.listen("no-such-host.invalid", 0));
            assertEquals("unknown address no-such-host.invalid", e.getMessage());
        }

        @Test
        @DisplayName("says clearly that accept failed because the listening socket was closed")
        void acceptAfterClose() throws Exception {
            SimpleSocket listener = SimpleSocket.listen("127.0.0.1", 0);
            listener.close();
            IOException e = assertThrows(IOException.class, () -> listener.accept(4096));
            assertEquals("listening socket closed", e.getMessage());
        }

        @Test
        @DisplayName("says clearly when the port is taken")
        void portTaken() throws Exception {
            try (SimpleSocket first = SimpleSocket.listen("127.0.0.1", 0)) {
                IOException e = assertThrows(IOException.class, () -> SimpleSocket.listen("127.0.0.1", first.localPort()));
                assertEquals(IOException.class, e.getClass(), "translate BindException into a plain IOException");
                assertTrue(e.getMessage().contains("cannot listen on 127.0.0.1:" + first.localPort()), e.getMessage());
            }
        }
    }

    @Test
    @DisplayName("a failed listen or connect closes its socket: 50 failures of each kind leave no descriptor open")
    void failuresCloseTheirSocket() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "counts descriptors in /proc (Linux)");
        try (SimpleSocket taken = SimpleSocket.listen("127.0.0.1", 0)) {
            int closedPort;
            try (SimpleSocket probe = SimpleSocket.listen("127.0.0.1", 0)) {
                closedPort = probe.localPort();
            }
            long before = openDescriptors();
            for (int i = 0; i < 50; i++) {
                assertThrows(IOException.class, () -> SimpleSocket.listen("127.0.0.1", taken.localPort()));
                assertThrows(IOException.class, () -> SimpleSocket.listen("no-such-host.invalid", 0));
                assertThrows(IOException.class, () -> SimpleSocket.connect("127.0.0.1", closedPort, TIMEOUT, 4096));
                assertThrows(IOException.class, () -> SimpleSocket.connect("no-such-host.invalid", 5555, TIMEOUT, 4096));
            }
            long after = openDescriptors();
            assertTrue(after < before + 20, before + " descriptors open before 200 failures, " + after
                    + " after - close the socket when bind or connect fails");
        }
    }

    @Nested
    @DisplayName("once connected")
    class Connected {
        @Test
        @DisplayName("carries UTF-8 lines both ways, in order")
        void linesBothWays() throws Exception {
            try (Connection c = Connection.open(4096)) {
                c.client().sendLine("héllo 👋");
                c.client().sendLine("second");
                assertEquals("héllo 👋", c.server().receiveLine(), "did sendLine flush, and encode UTF-8?");
                assertEquals("second", c.server().receiveLine());
                c.server().sendLine("back");
                assertEquals("back", c.client().receiveLine());
                assertEquals("127.0.0.1:" + c.client().localPort(), c.server().remoteAddress(),
                        "the server's view of the peer is the client's own address");
            }
        }

        @Test
        @DisplayName("sendLines() sends many lines a burst of 32 KB at a time, reporting progress after each write")
        void sendLinesInBursts() throws Exception {
            try (Connection c = Connection.open(4096)) {
                // 100 lines of 1,001 bytes: three bursts of 33 lines, then one line.
                List<String> lines = IntStream.range(0, 100).mapToObj(i -> String.format("%04d", i) + "s".repeat(996)).toList();
                assertEquals(4, sendAndReceive(c, lines), "writes for 100 lines of 1,001 bytes");
                // 64 lines of 1,024 bytes: two bursts of 32 KB exactly, and no empty write after them.
                List<String> exact = IntStream.range(0, 64).mapToObj(i -> String.format("%04d", i) + "e".repeat(1019)).toList();
                assertEquals(2, sendAndReceive(c, exact), "writes for 64 lines of 1,024 bytes");
            }
        }

        /** Sends {@code lines} from the server with sendLines, checks the client gets them all; the number of writes. */
        private static int sendAndReceive(Connection c, List<String> lines) throws Exception {
            AtomicInteger writes = new AtomicInteger();
            var sent = TestServer.asyncRun(() -> {
                try {
                    c.server().sendLines(lines, writes::incrementAndGet);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            for (String line : lines) {
                assertEquals(line, c.client().receiveLine(), "every line arrives, in order");
            }
            sent.get(5, TimeUnit.SECONDS);
            return writes.get();
        }

        @Test
        @DisplayName("after a half-close, the peer reads EOF and can still answer")
        void halfClose() throws Exception {
            try (Connection c = Connection.open(4096)) {
                c.client().sendLine("last");
                c.client().shutdownOutput();
                assertEquals("last", c.server().receiveLine());
                assertNull(c.server().receiveLine(), "after shutdownOutput() the peer reads end of stream (null)");
                c.server().sendLine("bye");
                assertEquals("bye", c.client().receiveLine(), "a half-closed socket still reads");
            }
        }

        @Test
        @DisplayName("rejects an over-long line and reads on after it")
        void overLongLine() throws Exception {
            try (Connection c = Connection.open(16)) {
                c.client().sendLine("x".repeat(100));
                c.client().sendLine("short");
                assertThrows(LineTooLongException.class, () -> c.server().receiveLine());
                assertEquals("short", c.server().receiveLine(), "the next line must still be readable");
            }
        }

        @Test
        @DisplayName("close is idempotent and wakes up a blocked read")
        void closeTwice() throws Exception {
            try (Connection c = Connection.open(4096)) {
                var read = TestServer.async(() -> {
                    try {
                        return c.server().receiveLine();
                    } catch (IOException e) {
                        return "closed: " + e.getMessage();
                    }
                });
                c.server().close();
                c.server().close();
                String result = read.get(5, TimeUnit.SECONDS);
                assertTrue(result == null || result.startsWith("closed"), "a blocked read should end when the socket closes");
            }
        }
    }

    @Nested
    @DisplayName("on the client side")
    class ClientSide {
        @Test
        @DisplayName("says clearly when the connection is refused")
        void refused() throws Exception {
            int port;
            try (SimpleSocket probe = SimpleSocket.listen("127.0.0.1", 0)) {
                port = probe.localPort();
            }
            IOException e = assertThrows(IOException.class, () -> SimpleSocket.connect("127.0.0.1", port, TIMEOUT, 4096));
            assertEquals(IOException.class, e.getClass(), "translate ConnectException into a plain IOException");
            assertTrue(e.getMessage().startsWith("connection refused by 127.0.0.1:" + port), e.getMessage());
        }

        @Test
        @DisplayName("says clearly what failed after the socket was closed")
        void afterClose() throws Exception {
            try (Connection c = Connection.open(4096)) {
                c.client().close();
                IOException send = assertThrows(IOException.class, () -> c.client().sendLine("late"));
                assertTrue(send.getMessage().startsWith("connection lost while sending"), send.getMessage());
                IOException half = assertThrows(IOException.class, () -> c.client().shutdownOutput());
                assertTrue(half.getMessage().startsWith("cannot half-close"), half.getMessage());
                IOException read = assertThrows(IOException.class, () -> c.client().receiveLine());
                assertEquals("socket closed", read.getMessage());
            }
        }

        @Test
        @DisplayName("says clearly when the host is unknown")
        void unknownHost() {
            IOException e = assertThrows(IOException.class,
                    () -> SimpleSocket.connect("no-such-host.invalid", 5555, TIMEOUT, 4096));
            assertEquals("unknown host no-such-host.invalid", e.getMessage());
        }
    }

    private static long openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
