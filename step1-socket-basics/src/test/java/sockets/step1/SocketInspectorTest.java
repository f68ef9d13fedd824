package sockets.step1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.LoopbackClient;
import sockets.testing.Exercise;

@Timeout(5)
@DisplayName("SocketInspector")
class SocketInspectorTest {

    private static final InetSocketAddress ANY_LOOPBACK_PORT =
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    @Nested
    @Exercise("1.4")
    @DisplayName("state()")
    class State {

        @Test
        @DisplayName("of a new Socket")
        void freshSocket() throws IOException {
            try (Socket socket = new Socket()) {
                assertEquals(new SocketState(false, false, false, -1), SocketInspector.state(socket),
                        "state(new Socket()) - read isBound(), isConnected(), isClosed(), getLocalPort()");
            }
        }

        @Test
        @DisplayName("after bind()")
        void boundSocket() throws IOException {
            try (Socket socket = new Socket()) {
                socket.bind(ANY_LOOPBACK_PORT);
                assertEquals(new SocketState(true, false, false, socket.getLocalPort()),
                        SocketInspector.state(socket),
                        "state() of a bound socket - isBound() and getLocalPort() tell");
            }
        }

        @Test
        @DisplayName("after connect()")
        void connectedSocket() throws IOException {
            try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                 LoopbackClient client = LoopbackClient.connect(server.getLocalPort())) {
                SocketState state = SocketInspector.state(client.socket());
                assertTrue(state.connected(), "state() of a connected socket says unconnected - use isConnected()");
                assertTrue(state.bound(), "connect() binds the client too - isBound() says so");
            }
        }

        @Test
        @DisplayName("after close()")
        void closedSocket() throws IOException {
            Socket socket = new Socket();
            socket.close();
            assertEquals(new SocketState(false, false, true, -1), SocketInspector.state(socket),
                    "state() of a closed socket - isClosed() tells");
        }

        @Test
        @DisplayName("of a ServerSocket")
        void serverSocket() throws IOException {
            try (ServerSocket server = new ServerSocket()) {
                assertEquals(new SocketState(false, false, false, -1), SocketInspector.state(server),
                        "state(new ServerSocket()) - read isBound(), isClosed(), getLocalPort()");
                server.bind(ANY_LOOPBACK_PORT);
                assertEquals(new SocketState(true, false, false, server.getLocalPort()),
                        SocketInspector.state(server), "state() of a bound ServerSocket");
            }
            ServerSocket closed = new ServerSocket();
            closed.close();
            assertTrue(SocketInspector.state(closed).closed(), "state() of a closed ServerSocket - isClosed()");
        }
    }

    @Nested
    @Exercise("1.5")
    @DisplayName("options()")
    class Options {

        @Test
        @DisplayName("names 7 options in order")
        void namesInOrder() throws IOException {
            try (Socket socket = new Socket()) {
                assertEquals(List.of("TCP_NODELAY", "SO_TIMEOUT", "SO_LINGER", "SO_KEEPALIVE",
                                "SO_REUSEADDR", "SO_RCVBUF", "SO_SNDBUF"),
                        List.copyOf(SocketInspector.options(socket).keySet()),
                        "options() keys - put them into a LinkedHashMap in this order");
            }
        }

        @Test
        @DisplayName("shows the defaults")
        void defaults() throws IOException {
            try (Socket socket = new Socket()) {
                Map<String, Object> options = SocketInspector.options(socket);
                assertEquals(false, options.get("TCP_NODELAY"), "TCP_NODELAY is off by default - getTcpNoDelay()");
                assertEquals(0, options.get("SO_TIMEOUT"), "SO_TIMEOUT is 0 (forever) by default - getSoTimeout()");
                assertEquals(-1, options.get("SO_LINGER"), "SO_LINGER is -1 (off) by default - getSoLinger()");
                assertEquals(false, options.get("SO_KEEPALIVE"), "SO_KEEPALIVE is off by default - getKeepAlive()");
                assertTrue((Integer) options.get("SO_RCVBUF") > 0, "SO_RCVBUF - getReceiveBufferSize()");
                assertTrue((Integer) options.get("SO_SNDBUF") > 0, "SO_SNDBUF - getSendBufferSize()");
            }
        }

        @Test
        @DisplayName("shows changed values")
        void changedValues() throws IOException {
            try (Socket socket = new Socket()) {
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(1234);
                socket.setSoLinger(true, 7);
                socket.setKeepAlive(true);
                socket.setReuseAddress(true);
                // Different sizes: a getter read for the wrong option shows.
                socket.setReceiveBufferSize(32 * 1024);
                socket.setSendBufferSize(96 * 1024);
                Map<String, Object> expected = Map.of("TCP_NODELAY", true, "SO_TIMEOUT", 1234,
                        "SO_LINGER", 7, "SO_KEEPALIVE", true, "SO_REUSEADDR", true,
                        // The kernel may round a buffer size: compare with what it reports.
                        "SO_RCVBUF", socket.getReceiveBufferSize(), "SO_SNDBUF", socket.getSendBufferSize());
                assertEquals(expected, SocketInspector.options(socket),
                        "options() must read the socket's values (getTcpNoDelay()...), not write the defaults");
            }
        }

        @Test
        @DisplayName("changes nothing")
        void leavesTheSocketAlone() throws IOException {
            try (Socket socket = new Socket()) {
                SocketInspector.options(socket);
                assertTrue(!socket.isBound() && !socket.isConnected() && !socket.isClosed(),
                        "options() changed the socket - only call the get...() methods");
            }
        }

        @Test
        @DisplayName("of a ServerSocket")
        void serverOptions() throws IOException {
            try (ServerSocket server = new ServerSocket()) {
                server.setSoTimeout(2500);
                server.setReuseAddress(false);
                assertEquals(List.of("SO_TIMEOUT", "SO_REUSEADDR", "SO_RCVBUF"),
                        List.copyOf(SocketInspector.options(server).keySet()),
                        "options(ServerSocket) keys, in this order");
                assertEquals(Map.of("SO_TIMEOUT", 2500, "SO_REUSEADDR", false,
                                "SO_RCVBUF", server.getReceiveBufferSize()),
                        SocketInspector.options(server),
                        "options(ServerSocket) - getSoTimeout(), getReuseAddress(), getReceiveBufferSize()");
            }
        }
    }
}
