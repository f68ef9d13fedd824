package sockets.step2;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/** Test fixtures on 127.0.0.1, built with plain JDK calls so they never depend on an exercise. */
final class Loopback {

    static final InetAddress ADDRESS = InetAddress.getLoopbackAddress();
    static final String HOST = ADDRESS.getHostAddress();
    /** The deadline of every blocking call in these tests. */
    static final int DEADLINE_MS = 3000;

    private Loopback() {}

    private static InetAddress ipv6Loopback() {
        try {
            return InetAddress.getByName("::1"); // a literal: parsed, never looked up
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** A listening socket on 127.0.0.1, port 0, that bounds accept() by the deadline. */
    static ServerSocket server(int backlog) throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(ADDRESS, 0), backlog);
        server.setSoTimeout(DEADLINE_MS);
        return server;
    }

    /** 127.0.0.1:{@code port}. */
    static InetSocketAddress at(int port) {
        return new InetSocketAddress(ADDRESS, port);
    }

    /** A plain client socket connected to {@code port} within the deadline. */
    static Socket client(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(ADDRESS, port), DEADLINE_MS);
        socket.setSoTimeout(DEADLINE_MS);
        return socket;
    }

    /** A port where nothing listens: bound, noted, closed. */
    static int closedPort() throws IOException {
        try (ServerSocket server = server(1)) {
            return server.getLocalPort();
        }
    }

    /**
     * Connects until the backlog of {@code server} (which never accepts) is full, that is until a
     * connect times out; returns the queued sockets for the caller to close.
     */
    static List<Socket> fillBacklog(ServerSocket server) throws IOException {
        List<Socket> queued = new ArrayList<>();
        for (int i = 0; i < 20; i++) { // exit: at the first timeout; 20 is far above any backlog used here
            Socket socket = new Socket();
            try {
                socket.connect(server.getLocalSocketAddress(), 300);
                queued.add(socket);
            } catch (SocketTimeoutException full) {
                socket.close();
                return queued;
            }
        }
        throw new AssertionError("the backlog never filled after " + queued.size() + " connects");
    }

    /**
     * A port whose last connection sits in TIME_WAIT: the server end closed first, then the
     * client; the listening socket is closed too, so only TIME_WAIT holds the port.
     */
    static int portInTimeWait() throws IOException {
        try (ServerSocket server = server(5); Socket client = client(server.getLocalPort())) {
            try (Socket accepted = server.accept()) {
                // Closing here first sends our FIN first: this end will be in TIME_WAIT.
            }
            if (client.getInputStream().read() != -1) {
                throw new AssertionError("the client should read end of stream after the server closed");
            }
            return server.getLocalPort();
        }
    }

    /** The IPv6 loopback address, ::1. */
    static final InetAddress IPV6 = ipv6Loopback();

    /** True when this machine can bind ::1 (some containers have no IPv6 at all). */
    static boolean hasIpv6() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(IPV6, 0));
            return true;
        } catch (IOException noIpv6) {
            return false;
        }
    }

    /**
     * Holds {@code address:port} with a socket that is bound but does not listen: a connect there is
     * refused, and no other program can listen there meanwhile. Throws {@link BindException} when
     * someone holds it already; any other exception when the address cannot be used at all (no IPv6).
     */
    static Socket holdWithoutListening(InetAddress address, int port) throws IOException {
        Socket holder = new Socket();
        try {
            holder.setReuseAddress(false);
            holder.bind(new InetSocketAddress(address, port));
            return holder;
        } catch (IOException e) {
            holder.close();
            throw e;
        }
    }

    static void closeAll(List<Socket> sockets) throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
