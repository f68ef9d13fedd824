package sockets.step2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sockets.testing.Exercise;

/** The exceptions come from real sockets where that is quick; a timeout is built by hand. */
@Exercise("2.4")
@Timeout(10)
@DisplayName("Failures.explain")
class FailuresTest {

    /** One line, no exception class names or stack frames: what a user reads. */
    private static void assertOneLineSaying(String explained, String... words) {
        assertFalse(explained.contains("\n"), "one line, not several: " + explained);
        assertFalse(explained.contains("java.net."), "no exception class names for the user: " + explained);
        for (String word : words) {
            assertTrue(explained.contains(word), "'" + explained + "' should contain '" + word + "'");
        }
    }

    @Nested
    @DisplayName("explains in one line")
    class ExplainsInOneLine {

        @Test
        @DisplayName("connection refused: nothing is listening, at host:port")
        void connectionRefused() throws IOException {
            int port = Loopback.closedPort();
            IOException refused = assertThrows(IOException.class, () -> Loopback.client(port).close());
            assertOneLineSaying(Failures.explain(refused, Loopback.HOST, port),
                    "refused", "nothing is listening", "127.0.0.1:" + port);
        }

        @Test
        @DisplayName("connect timeout: nobody answered")
        void connectTimeout() {
            assertOneLineSaying(Failures.explain(new SocketTimeoutException("Connect timed out"), "127.0.0.1", 80),
                    "timed out", "nobody answered", "127.0.0.1:80");
        }

        @Test
        @DisplayName("unknown host: the name does not resolve")
        void unknownHost() {
            // RFC 2606 reserves .invalid: such a name never resolves.
            IOException unknown = assertThrows(UnknownHostException.class,
                    () -> InetAddress.getByName("no-such-host.invalid"));
            assertOneLineSaying(Failures.explain(unknown, "no-such-host.invalid", 5555),
                    "unknown host", "no-such-host.invalid", "does not resolve");
        }

        @Test
        @DisplayName("port already in use, naming TIME_WAIT and SO_REUSEADDR")
        void portInUse() throws IOException {
            try (ServerSocket first = Loopback.server(1); ServerSocket second = new ServerSocket()) {
                IOException inUse = assertThrows(BindException.class, () -> second.bind(first.getLocalSocketAddress()));
                assertOneLineSaying(Failures.explain(inUse, Loopback.HOST, first.getLocalPort()),
                        "already in use", "TIME_WAIT", "SO_REUSEADDR", "127.0.0.1:" + first.getLocalPort());
            }
        }

        @Test
        @DisplayName("another bind failure, with what the system said")
        void otherBindFailure() {
            String explained = Failures.explain(new BindException("Cannot assign requested address"), "192.0.2.1", 5555);
            assertOneLineSaying(explained, "cannot listen on 192.0.2.1:5555", "Cannot assign requested address");
            assertFalse(explained.contains("in use"), "only 'Address already in use' means the port is taken: " + explained);
        }

        @Test
        @DisplayName("anything else, with host:port and what the system said; IPv6 in brackets")
        void anythingElse() {
            assertOneLineSaying(Failures.explain(new SocketException("Connection reset"), "::1", 5555),
                    "[::1]:5555", "Connection reset");
        }
    }

    @Nested
    @DisplayName("ConnectClient, run by hand")
    class ClientMain {

        private final PrintedLines out = new PrintedLines();
        private final PrintedLines err = new PrintedLines();

        @Test
        @DisplayName("exits 1 with one 'error:' line when the connection is refused")
        void refused() throws IOException {
            int port = Loopback.closedPort();
            assertEquals(1, ConnectClient.run(new String[] {"--port", "" + port}, out.stream, err.stream));
            assertEquals(List.of("error: connection refused by 127.0.0.1:" + port + ": nothing is listening on that port"),
                    err.lines(), "one line on stderr");
        }

        @Test
        @DisplayName("exits 1 with one 'error:' line when the connect times out")
        void timesOut() throws IOException {
            ServerSocket busy = Loopback.server(1);
            List<Socket> queued = Loopback.fillBacklog(busy);
            try {
                String[] args = {"--port", "" + busy.getLocalPort(), "--timeout-ms", "300"};
                assertEquals(1, ConnectClient.run(args, out.stream, err.stream));
                assertEquals(1, err.lines().size(), "one line on stderr: " + err.lines());
                assertTrue(err.lines().get(0).startsWith("error: connect to 127.0.0.1:" + busy.getLocalPort() + " timed out"),
                        err.lines().get(0));
            } finally {
                busy.close();
                Loopback.closeAll(queued);
            }
        }

        @Test
        @DisplayName("exits 1 with one 'error:' line for an unknown host")
        void unknownHost() {
            assertEquals(1, ConnectClient.run(new String[] {"--host", "no-such-host.invalid"}, out.stream, err.stream));
            assertEquals(List.of("error: unknown host 'no-such-host.invalid': the name does not resolve to any address"),
                    err.lines());
        }

        @ParameterizedTest(name = "exits 2 with the usage for: {0}")
        @ValueSource(strings = {"--port nine", "--port 0", "--port 70000", "--colour red", "--host"})
        void badArguments(String args) {
            assertEquals(2, ConnectClient.run(args.split(" "), out.stream, err.stream));
            assertEquals(2, err.lines().size(), "an error line and the usage: " + err.lines());
            assertTrue(err.lines().get(0).startsWith("error: "), err.lines().get(0));
            assertEquals(ConnectClient.USAGE, err.lines().get(1));
            assertEquals(List.of(), out.lines(), "nothing on stdout for bad arguments");
        }
    }

    @Nested
    @DisplayName("ConnectServer, run by hand")
    class ServerMain {

        private final PrintedLines out = new PrintedLines();
        private final PrintedLines err = new PrintedLines();

        @Test
        @DisplayName("exits 1 with one 'error:' line when the port is taken")
        void portInUse() throws IOException {
            try (ServerSocket first = Loopback.server(1)) {
                int port = first.getLocalPort();
                assertEquals(1, ConnectServer.run(new String[] {"--port", "" + port}, out.stream, err.stream));
                assertEquals(1, err.lines().size(), "one line on stderr: " + err.lines());
                assertTrue(err.lines().get(0).startsWith("error: cannot listen on 127.0.0.1:" + port + ": the port is already in use"),
                        err.lines().get(0));
            }
        }

        @Test
        @DisplayName("exits 1 with one 'error:' line for a bind address that does not resolve")
        void unknownBindAddress() {
            assertEquals(1, ConnectServer.run(new String[] {"--bind", "no-such-host.invalid"}, out.stream, err.stream));
            assertEquals(List.of("error: unknown host 'no-such-host.invalid': the name does not resolve to any address"),
                    err.lines());
        }

        @ParameterizedTest(name = "exits 2 with the usage for: {0}")
        @ValueSource(strings = {"--port -1", "--backlog 0", "--clients x", "--hold-ms", "extra"})
        void badArguments(String args) {
            assertEquals(2, ConnectServer.run(args.split(" "), out.stream, err.stream));
            assertEquals(2, err.lines().size(), "an error line and the usage: " + err.lines());
            assertTrue(err.lines().get(0).startsWith("error: "), err.lines().get(0));
            assertEquals(ConnectServer.USAGE, err.lines().get(1));
        }
    }
}
