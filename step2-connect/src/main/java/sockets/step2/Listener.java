package sockets.step2;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Opens a listening socket: the Java for C's {@code socket()}, {@code setsockopt(SO_REUSEADDR)},
 * {@code bind()} and {@code listen()}. After it returns, clients can connect - the kernel queues
 * them in the backlog - even before anyone calls {@code accept()}.
 */
public final class Listener {

    private Listener() {}

    /**
     * A server socket bound to {@code at} (port 0: the kernel picks a free port) with a queue of
     * {@code backlog} connections waiting for {@code accept()}. {@code reuseAddress} is
     * SO_REUSEADDR: when true, the port can be bound again while old connections on it sit in
     * TIME_WAIT. Throws {@link java.net.BindException} when the port is taken, after closing
     * the socket whose bind failed.
     */
    public static ServerSocket listen(InetSocketAddress at, int backlog, boolean reuseAddress)
            throws IOException {
        // tag::solution-2.1[]
        // tag::listen[]
        ServerSocket server = new ServerSocket(); // unbound
        try {
            // Before bind(): after it, too late.
            server.setReuseAddress(reuseAddress);
            server.bind(at, backlog); // bind() + listen()
            return server;
        } catch (IOException e) {
            server.close();
            throw e;
        }
        // end::listen[]
        // end::solution-2.1[]
    }
}
