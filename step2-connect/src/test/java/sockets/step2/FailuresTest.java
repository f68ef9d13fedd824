package sockets.step2;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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
}
