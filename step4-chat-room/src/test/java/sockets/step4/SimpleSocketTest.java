package sockets.step4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.step3.framing.LineTooLongException;
import sockets.testing.Exercise;

@Exercise("4.3")
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@DisplayName("SimpleSocket")
class SimpleSocketTest {

    private static final int TIMEOUT = 5_000;

    /** A listening socket, a client connected to it, and the server's side of that connection. */
    record Connection(SimpleServerSocket listener, SimpleSocket client, SimpleSocket server) implements AutoCloseable {
        static Connection open(int maxLineBytes) throws Exception {
            SimpleServerSocket listener = SimpleServerSocket.listen("127.0.0.1", 0, maxLineBytes);
            var accepted = TestServer.async(() -> {
                try {
                    return listener.accept();
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
        @DisplayName("says clearly that accept failed because the listening socket was closed")
        void acceptAfterClose() throws Exception {
            SimpleServerSocket listener = SimpleServerSocket.listen("127.0.0.1", 0, 4096);
            listener.close();
            IOException e = assertThrows(IOException.class, listener::accept);
            assertEquals("listening socket closed", e.getMessage());
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
                assertEquals("héllo 👋", c.server().receiveLine(), "did sendLine write the line and its LF, as UTF-8?");
                assertEquals("second", c.server().receiveLine());
                c.server().sendLine("back");
                assertEquals("back", c.client().receiveLine());
            }
        }

        @Test
        @DisplayName("sendLines() sends a burst of 1,000 lines, whole and in order")
        void sendLinesBurst() throws Exception {
            try (Connection c = Connection.open(4096)) {
                List<String> lines = IntStream.range(0, 1000).mapToObj(i -> i + " " + "s".repeat(i % 300)).toList();
                var sent = TestServer.asyncRun(() -> {
                    try {
                        c.server().sendLines(lines);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
                for (String line : lines) {
                    assertEquals(line, c.client().receiveLine(), "every line arrives, in order");
                }
                sent.get(5, TimeUnit.SECONDS);
            }
        }

        @Test
        @DisplayName("after a half-close, the peer reads end of stream and can still answer")
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
        @DisplayName("close() is safe twice and wakes up a blocked read with 'socket closed'")
        void closeWakesReader() throws Exception {
            try (Connection c = Connection.open(4096)) {
                var read = TestServer.async(() -> {
                    try {
                        return c.server().receiveLine();
                    } catch (IOException e) {
                        return "failed: " + e.getMessage();
                    }
                });
                c.server().close();
                c.server().close();
                assertEquals("failed: socket closed", read.get(5, TimeUnit.SECONDS), "a blocked read ends when the socket closes");
            }
        }

        @Test
        @DisplayName("idleTimeout(): a silent peer makes receiveLine() fail with 'silent too long'")
        void idleTimeout() throws Exception {
            try (Connection c = Connection.open(4096)) {
                c.server().idleTimeout(100);
                IOException e = assertThrows(IOException.class, () -> c.server().receiveLine());
                assertEquals("silent too long", e.getMessage());
            }
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
    }

    @Nested
    @DisplayName("closing gracefully: shutdownOutput(), then Closing.drainAndClose()")
    class Graceful {
        @Test
        @DisplayName("our last line arrives, although the peer sent bytes we never read; we close once the peer has")
        void lastLineArrives() throws Exception {
            SimpleServerSocket listener = SimpleServerSocket.listen("127.0.0.1", 0, 4096);
            try (listener; Socket peer = new Socket()) {
                peer.setReceiveBufferSize(16 * 1024); // Before connecting: a small window, so our lines queue up.
                peer.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), listener.localPort()), 5_000);
                peer.setSoTimeout(5_000);
                SimpleSocket server = listener.accept();
                List<String> lines = IntStream.range(0, 20_000).mapToObj(i -> i + " " + "x".repeat(100)).toList();
                var closing = TestServer.asyncRun(() -> {
                    try {
                        server.sendLines(lines);
                        server.sendLine("last words");
                        server.shutdownOutput();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    Closing.drainAndClose(server, 60_000);
                });
                // Bytes the server never reads: closing with them unread would answer with a reset,
                // and a reset throws away the lines still waiting in the server's send buffer.
                peer.getOutputStream().write("x".repeat(10_000).getBytes(StandardCharsets.UTF_8));
                var in = new java.io.BufferedReader(new java.io.InputStreamReader(peer.getInputStream(), StandardCharsets.UTF_8));
                for (String line : lines) {
                    assertEquals(line, in.readLine());
                }
                assertEquals("last words", in.readLine(), "the last line, not a reset");
                assertNull(in.readLine(), "then end of stream");
                peer.close();
                closing.get(5, TimeUnit.SECONDS); // Long before its 60 s: the peer has closed.
            }
        }

        @Test
        @DisplayName("a peer that never closes: Closing.drainAndClose() closes at its deadline")
        void deadline() throws Exception {
            try (Connection c = Connection.open(4096)) {
                c.server().shutdownOutput();
                Closing.drainAndClose(c.server(), 200);
                IOException e = assertThrows(IOException.class, () -> c.server().receiveLine());
                assertEquals("socket closed", e.getMessage(), "closed at the deadline");
                assertNull(c.client().receiveLine(), "the peer read end of stream");
            }
        }
    }
}
