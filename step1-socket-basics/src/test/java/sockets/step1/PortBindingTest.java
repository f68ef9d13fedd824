package sockets.step1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.ServerSocket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.Exercise;
import sockets.testing.LoopbackClient;
import sockets.testing.OpenDescriptors;

@Exercise("1.6")
@Timeout(5)
@DisplayName("PortBinding")
class PortBindingTest {

    @Nested
    @DisplayName("bindToAnyPort(server)")
    class BindToAnyPort {

        @Test
        @DisplayName("returns the picked port")
        void returnsTheKernelsPort() throws IOException {
            try (ServerSocket server = new ServerSocket()) {
                int port = PortBinding.bindToAnyPort(server);
                assertTrue(server.isBound(), "bindToAnyPort() should bind the server socket - call bind()");
                assertTrue(port > 0 && port <= 65535, "the port should be a real port, got " + port);
                assertEquals(server.getLocalPort(), port,
                        "bindToAnyPort() should return getLocalPort() - the port the kernel chose, not 0");
                assertTrue(server.getInetAddress().isLoopbackAddress(),
                        "bind to the loopback address (InetAddress.getLoopbackAddress()), not to "
                                + server.getInetAddress());
            }
        }

        @Test
        @DisplayName("gives two ports")
        void twoSocketsTwoPorts() throws IOException {
            try (ServerSocket first = new ServerSocket(); ServerSocket second = new ServerSocket()) {
                assertNotEquals(PortBinding.bindToAnyPort(first), PortBinding.bindToAnyPort(second),
                        "each bind to port 0 gets its own free port");
            }
        }

        @Test
        @DisplayName("accepts a connect()")
        void clientsCanConnect() throws IOException {
            try (ServerSocket server = new ServerSocket()) {
                int port = PortBinding.bindToAnyPort(server);
                try (LoopbackClient client = LoopbackClient.connect(port)) {
                    assertTrue(client.socket().isConnected(), "a client should connect to 127.0.0.1:" + port);
                } catch (ConnectException refused) {
                    fail("nothing listens on port " + port + ", which bindToAnyPort() returned"
                            + " - return getLocalPort(), the port the kernel chose");
                }
            }
        }
    }

    @Nested
    @DisplayName("listenOn(port)")
    class ListenOn {

        @Test
        @DisplayName("fails on a taken port")
        void takenPortFails() throws IOException {
            try (ServerSocket holder = new ServerSocket()) {
                int port = PortBinding.bindToAnyPort(holder);
                assertThrows(BindException.class, () -> PortBinding.listenOn(port).close(),
                        "listenOn(" + port + ") while another socket holds it should throw BindException");
            }
        }

        @Test
        @DisplayName("closes its socket when the bind fails")
        void closesTheSocketWhoseBindFailed() throws IOException {
            int attempts = 20;
            try (ServerSocket holder = new ServerSocket()) {
                int port = PortBinding.bindToAnyPort(holder);
                // A first failure loads what failing needs, so the count below sees only sockets.
                assertThrows(BindException.class, () -> PortBinding.listenOn(port).close());
                long before = OpenDescriptors.count();
                for (int i = 0; i < attempts; i++) { // exit: after a fixed number of tries
                    assertThrows(BindException.class, () -> PortBinding.listenOn(port).close());
                }
                long leaked = OpenDescriptors.count() - before;
                assertTrue(leaked < attempts / 2, attempts + " failed listenOn(" + port + ") left " + leaked
                        + " more descriptors open - close the ServerSocket when bind() throws, then rethrow");
            }
        }

        @Test
        @DisplayName("rebinds after close()")
        void closeFreesThePort() throws IOException {
            int port;
            try (ServerSocket first = new ServerSocket()) {
                port = PortBinding.bindToAnyPort(first);
            }
            try (ServerSocket again = PortBinding.listenOn(port)) {
                assertEquals(port, again.getLocalPort(),
                        "listenOn(" + port + ") after close() should bind to that port - bind to it, not to 0");
                assertTrue(again.getInetAddress().isLoopbackAddress(),
                        "listenOn() should bind to the loopback address, not to " + again.getInetAddress());
            }
        }
    }
}
