package sockets.step1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.Exercise;

@Exercise("1.1")
@Timeout(5)
@DisplayName("SocketCreator")
class SocketCreatorTest {

    @Nested
    @DisplayName("stream()")
    class Stream {

        @Test
        @DisplayName("is open, unbound, unconnected")
        void givesAFreshSocket() throws IOException {
            try (Socket socket = SocketCreator.stream()) {
                assertFalse(socket.isClosed(),
                        "stream() returned a closed socket - return it, do not close it first");
                assertFalse(socket.isBound(),
                        "stream() returned a bound socket - use new Socket() with no arguments");
                assertFalse(socket.isConnected(),
                        "stream() returned a connected socket - new Socket(host, port) connects; use new Socket()");
            }
        }

        @Test
        @DisplayName("is new on every call")
        void givesANewSocketEachTime() throws IOException {
            try (Socket first = SocketCreator.stream(); Socket second = SocketCreator.stream()) {
                assertNotSame(first, second,
                        "stream() returned the same socket twice - create a new Socket() in each call");
            }
        }
    }

    @Nested
    @DisplayName("listener()")
    class Listener {

        @Test
        @DisplayName("is open and unbound")
        void givesAnUnboundServerSocket() throws IOException {
            try (ServerSocket server = SocketCreator.listener()) {
                assertFalse(server.isClosed(),
                        "listener() returned a closed socket - return it, do not close it first");
                assertFalse(server.isBound(),
                        "listener() returned a bound socket - new ServerSocket(port) binds; use new ServerSocket()");
                assertEquals(-1, server.getLocalPort(), "an unbound server socket has no port (-1)");
            }
        }
    }

    @Nested
    @DisplayName("datagram()")
    class Datagram {

        @Test
        @DisplayName("is unbound")
        void givesAnUnboundDatagramSocket() throws IOException {
            try (DatagramSocket udp = SocketCreator.datagram()) {
                assertFalse(udp.isBound(),
                        "datagram() returned a bound socket - new DatagramSocket() binds at once;"
                                + " use new DatagramSocket((SocketAddress) null)");
                assertFalse(udp.isConnected(), "datagram() should not connect the UDP socket");
            }
        }

        @Test
        @DisplayName("can be bound later")
        void canBeBoundLater() throws IOException {
            try (DatagramSocket udp = SocketCreator.datagram()) {
                udp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                assertTrue(udp.getLocalPort() > 0,
                        "binding the socket from datagram() to port 0 should give a port - return an open socket");
            }
        }
    }
}
