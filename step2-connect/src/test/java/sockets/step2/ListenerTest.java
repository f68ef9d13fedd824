package sockets.step2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.Exercise;
import sockets.testing.OpenDescriptors;

@Exercise("2.1")
@Timeout(10)
@DisplayName("Listener.listen")
class ListenerTest {

    @Nested
    @DisplayName("on 127.0.0.1, port 0")
    class OnLoopback {

        @Test
        @DisplayName("binds the loopback address and a real port the kernel chose")
        void bindsLoopbackAndAnEphemeralPort() throws IOException {
            try (ServerSocket server = Listener.listen(new InetSocketAddress(Loopback.ADDRESS, 0), 5, true)) {
                assertTrue(server.isBound(), "the server socket should be bound - did you call bind()?");
                assertEquals(Loopback.ADDRESS, server.getInetAddress(),
                        "the server should be bound to 127.0.0.1 - pass the address to bind()");
                assertNotEquals(0, server.getLocalPort(),
                        "port 0 asks the kernel for a free port: getLocalPort() should be that port");
            }
        }

        @Test
        @DisplayName("queues a client's connection before anyone calls accept(), then accept() returns it")
        void queuesConnectionsInTheBacklog() throws IOException {
            try (ServerSocket server = Listener.listen(new InetSocketAddress(Loopback.ADDRESS, 0), 5, true);
                    Socket client = Loopback.client(server.getLocalPort())) {
                assertTrue(client.isConnected(), "connect should complete before accept(): the kernel queues it");
                server.setSoTimeout(Loopback.DEADLINE_MS);
                try (Socket accepted = server.accept()) {
                    assertEquals(client.getLocalSocketAddress(), accepted.getRemoteSocketAddress(),
                            "accept() should return the queued client");
                }
            }
        }

        @Test
        @DisplayName("queues at most the backlog it was given: a connection beyond it waits")
        void honoursTheBacklog() throws IOException {
            try (ServerSocket server = Listener.listen(new InetSocketAddress(Loopback.ADDRESS, 0), 2, true)) {
                List<Socket> queued = new ArrayList<>();
                try {
                    // Nobody accepts: each connect completes in the kernel's queue until it is full.
                    for (int i = 0; i < 10; i++) { // exit: at the first connect that times out
                        Socket socket = new Socket();
                        queued.add(socket);
                        try {
                            socket.connect(server.getLocalSocketAddress(), 300);
                        } catch (SocketTimeoutException full) {
                            queued.remove(socket);
                            socket.close();
                            break;
                        }
                    }
                    // Linux queues backlog + 1 connections; other systems the backlog itself.
                    assertTrue(queued.size() <= 3, "with a backlog of 2, " + queued.size()
                            + " connections were queued - pass the backlog to bind(address, backlog)");
                } finally {
                    Loopback.closeAll(queued);
                }
            }
        }

        @Test
        @DisplayName("applies SO_REUSEADDR as asked")
        void appliesReuseAddress() throws IOException {
            try (ServerSocket on = Listener.listen(new InetSocketAddress(Loopback.ADDRESS, 0), 5, true);
                    ServerSocket off = Listener.listen(new InetSocketAddress(Loopback.ADDRESS, 0), 5, false)) {
                assertTrue(on.getReuseAddress(), "reuseAddress=true should turn SO_REUSEADDR on");
                assertFalse(off.getReuseAddress(), "reuseAddress=false should turn SO_REUSEADDR off - setReuseAddress(false)");
            }
        }
    }

    @Test
    @DisplayName("on the wildcard address listens on every interface, loopback included")
    void bindsTheWildcardAddress() throws IOException {
        try (ServerSocket server = Listener.listen(new InetSocketAddress(0), 5, true);
                Socket client = Loopback.client(server.getLocalPort())) {
            assertTrue(server.getInetAddress().isAnyLocalAddress(),
                    "bound to the wildcard, the server's address should be 0.0.0.0 (or ::), was " + server.getInetAddress());
            assertTrue(client.isConnected(), "a wildcard server should accept connections through 127.0.0.1 too");
        }
    }

    @Nested
    @DisplayName("when the port is taken")
    class WhenThePortIsTaken {

        @Test
        @DisplayName("by a listening server, throws BindException")
        void throwsBindExceptionWhenAServerListens() throws IOException {
            try (ServerSocket first = Loopback.server(5)) {
                var samePort = new InetSocketAddress(Loopback.ADDRESS, first.getLocalPort());
                assertThrows(BindException.class, () -> Listener.listen(samePort, 5, true).close(),
                        "a second bind on a listening port should throw BindException");
            }
        }

        @Test
        @DisplayName("only by a connection in TIME_WAIT, rebinds with SO_REUSEADDR on")
        void rebindsOverTimeWaitWithReuseAddress() throws IOException {
            int port = Loopback.portInTimeWait();
            try (ServerSocket again = Listener.listen(new InetSocketAddress(Loopback.ADDRESS, port), 5, true)) {
                assertEquals(port, again.getLocalPort(),
                        "with SO_REUSEADDR on, a restarted server should get its port back despite TIME_WAIT");
            }
        }

        @Test
        @DisplayName("only by a connection in TIME_WAIT, throws BindException with SO_REUSEADDR off")
        void refusesTimeWaitWithoutReuseAddress() throws IOException {
            int port = Loopback.portInTimeWait();
            var samePort = new InetSocketAddress(Loopback.ADDRESS, port);
            assertThrows(BindException.class, () -> Listener.listen(samePort, 5, false).close(),
                    "with SO_REUSEADDR off, TIME_WAIT should keep the port taken"
                            + " - did you call setReuseAddress(false) BEFORE bind()?");
        }

        @Test
        @DisplayName("closes the socket whose bind failed, so a server retrying it leaks nothing")
        void closesTheSocketWhoseBindFailed() throws IOException {
            int attempts = 20;
            try (ServerSocket first = Loopback.server(5)) {
                var samePort = new InetSocketAddress(Loopback.ADDRESS, first.getLocalPort());
                // A first failure loads what failing needs, so the count below sees only sockets.
                assertThrows(BindException.class, () -> Listener.listen(samePort, 5, true).close());
                long before = OpenDescriptors.count();
                for (int i = 0; i < attempts; i++) { // exit: after a fixed number of tries
                    assertThrows(BindException.class, () -> Listener.listen(samePort, 5, true).close());
                }
                long leaked = OpenDescriptors.count() - before;
                assertTrue(leaked < attempts / 2, attempts + " failed listen() on a taken port left " + leaked
                        + " more descriptors open - close the ServerSocket when bind() throws, then rethrow");
            }
        }
    }
}
