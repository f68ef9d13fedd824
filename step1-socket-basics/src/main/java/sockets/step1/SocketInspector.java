package sockets.step1;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Describes a socket without changing it: its {@link SocketState} and the values of its
 * options, keyed by their C names (TCP_NODELAY, SO_TIMEOUT...). The caller keeps the socket.
 */
public final class SocketInspector {

    private SocketInspector() {}

    /** Is {@code socket} bound, connected, closed, and on which local port. */
    // tag::state[]
    public static SocketState state(Socket socket) {
        // tag::solution-1.4[]
        return new SocketState(socket.isBound(),
                socket.isConnected(), socket.isClosed(),
                socket.getLocalPort());
        // end::solution-1.4[]
    }
    // end::state[]

    /** The same for a server socket, which never connects: it accepts. */
    public static SocketState state(ServerSocket server) {
        // tag::solution-1.4[]
        return new SocketState(server.isBound(), false,
                server.isClosed(), server.getLocalPort());
        // end::solution-1.4[]
    }

    /**
     * The value of each option of a TCP socket, keyed by its name, in this order: TCP_NODELAY,
     * SO_TIMEOUT, SO_LINGER, SO_KEEPALIVE, SO_REUSEADDR, SO_RCVBUF, SO_SNDBUF. All but SO_TIMEOUT
     * are the kernel's ({@code getsockopt()}); SO_TIMEOUT is Java's own, in milliseconds, 0 meaning
     * "wait forever". SO_LINGER is -1 when off: close() returns at once and the kernel still sends
     * what is queued.
     */
    // tag::options[]
    public static Map<String, Object> options(Socket socket)
            throws SocketException {
        // tag::solution-1.5[]
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("TCP_NODELAY", socket.getTcpNoDelay());
        options.put("SO_TIMEOUT", socket.getSoTimeout());
        options.put("SO_LINGER", socket.getSoLinger());
        options.put("SO_KEEPALIVE", socket.getKeepAlive());
        options.put("SO_REUSEADDR", socket.getReuseAddress());
        options.put("SO_RCVBUF", socket.getReceiveBufferSize());
        options.put("SO_SNDBUF", socket.getSendBufferSize());
        return options;
        // end::solution-1.5[]
    }
    // end::options[]

    /**
     * The three options {@code ServerSocket} has getters for, in this order: SO_TIMEOUT (for
     * {@code accept()}), SO_REUSEADDR, SO_RCVBUF.
     */
    public static Map<String, Object> options(ServerSocket server)
            throws IOException {
        // tag::solution-1.5[]
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("SO_TIMEOUT", server.getSoTimeout());
        options.put("SO_REUSEADDR", server.getReuseAddress());
        options.put("SO_RCVBUF", server.getReceiveBufferSize());
        return options;
        // end::solution-1.5[]
    }
}
