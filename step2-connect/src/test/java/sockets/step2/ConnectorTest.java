package sockets.step2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.Exercise;
import sockets.testing.OpenDescriptors;

@Exercise("2.2")
@Timeout(10)
@DisplayName("Connector.connect(address, timeout)")
class ConnectorTest {

    @Test
    @DisplayName("connects: the client's local address is the address the server's accept() sees")
    void bothEndsAgree() throws IOException {
        try (ServerSocket server = Loopback.server(5);
                Socket client = Connector.connect(Loopback.at(server.getLocalPort()), Loopback.DEADLINE_MS);
                Socket accepted = server.accept()) {
            assertEquals(client.getLocalSocketAddress(), accepted.getRemoteSocketAddress(),
                    "client local should equal server remote: both name the same end of one connection");
            assertEquals(accepted.getLocalSocketAddress(), client.getRemoteSocketAddress(),
                    "client remote should equal server local");
        }
    }

    @Nested
    @DisplayName("fails")
    class Fails {

        @Test
        @DisplayName("at once with ConnectException when nothing listens (connection refused)")
        void refusedWhenNothingListens() throws IOException {
            int port = Loopback.closedPort();
            assertTimeoutPreemptively(Duration.ofSeconds(2),
                    () -> assertThrows(ConnectException.class,
                            () -> Connector.connect(Loopback.at(port), Loopback.DEADLINE_MS).close(),
                            "a closed port on loopback should refuse the connection"));
        }

        @Test
        @DisplayName("with SocketTimeoutException after the timeout it was given, not one of its own, when the backlog is full")
        void usesTheTimeoutGiven() throws IOException {
            ServerSocket busy = Loopback.server(1);
            List<Socket> queued = Loopback.fillBacklog(busy);
            try {
                // A timeout never fires early, so the long one bounds from below; the short one
                // must end well before the long one would: no single fixed timeout passes both.
                assertTrue(millisToTimeOut(busy, 1200) >= 1150,
                        "connect gave up before its timeout of 1200 ms - pass timeoutMillis to connect()");
                assertTrue(millisToTimeOut(busy, 200) < 1000,
                        "connect with a timeout of 200 ms took a second or more - pass timeoutMillis to connect()");
            } finally {
                // Closing the listener also ends a connect stuck without a timeout (its next SYN is refused).
                busy.close();
                Loopback.closeAll(queued);
            }
        }

        private long millisToTimeOut(ServerSocket busy, int timeoutMillis) {
            long start = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofSeconds(4),
                    () -> assertThrows(SocketTimeoutException.class,
                            () -> Connector.connect(Loopback.at(busy.getLocalPort()), timeoutMillis).close(),
                            "a full backlog drops the SYN (Linux, macOS): connect should time out"),
                    "connect should give up after its timeout - did you use socket.connect(address, timeoutMillis)?");
            return (System.nanoTime() - start) / 1_000_000;
        }

        @Test
        @DisplayName("and closes the socket whose connect failed (no file descriptor leaks)")
        void closesWhatFailed() throws IOException {
            int port = Loopback.closedPort();
            long before = OpenDescriptors.count();
            for (int i = 0; i < 5; i++) {
                assertThrows(ConnectException.class, () -> Connector.connect(Loopback.at(port), Loopback.DEADLINE_MS));
            }
            assertEquals(before, OpenDescriptors.count(),
                    "each refused connect left a descriptor open: close the socket when connect throws, then rethrow");
        }
    }
}
