package sockets.step2;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;

/**
 * Opens a client connection: the Java for C's {@code getaddrinfo()}, {@code socket()} and
 * {@code connect()} - always with a timeout, because a connect nobody answers can otherwise
 * block for minutes.
 */
public final class Connector {

    private Connector() {}

    /**
     * A socket connected to {@code host:port}, or an exception within about
     * {@code timeoutMillis}: {@link UnknownHostException} (the name does not resolve),
     * {@link java.net.ConnectException} (refused: nothing listens there) or
     * {@link java.net.SocketTimeoutException} (nobody answered in time).
     */
    public static Socket connect(String host, int port, int timeoutMillis) throws IOException {
        // tag::solution-2.2[]
        // tag::connect[]
        // Resolves the name now, like getaddrinfo().
        var address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new UnknownHostException(host);
        }
        Socket socket = new Socket(); // unconnected
        try {
            // Never the 1-argument connect: it can hang.
            socket.connect(address, timeoutMillis);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        // end::connect[]
        // end::solution-2.2[]
    }
}
