package sockets.step2;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;

/**
 * Opens a client connection: the Java for C's {@code getaddrinfo()}, {@code socket()} and
 * {@code connect()} - always with a timeout, because a connect nobody answers can otherwise
 * block for minutes - trying each address of the host in turn, as C clients loop over
 * {@code getaddrinfo()}'s list.
 */
public final class Connector {

    private Connector() {}

    /**
     * A socket connected to {@code address}, or an exception within about {@code timeoutMillis}:
     * {@link java.net.ConnectException} (refused: nothing listens there),
     * {@link java.net.SocketTimeoutException} (nobody answered in time), or another
     * {@link IOException} (no route to that address, say). A socket whose connect failed is closed.
     */
    public static Socket connect(InetSocketAddress address, int timeoutMillis) throws IOException {
        // tag::solution-2.2[]
        // tag::connect[]
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

    /**
     * A socket connected to {@code host:port}, trying every address the name resolves to (see
     * {@link #connect(List, int, int)}). Throws {@link java.net.UnknownHostException} when the
     * name does not resolve.
     */
    public static Socket connect(String host, int port, int timeoutMillis) throws IOException {
        // getaddrinfo(): every address, not just the first.
        return connect(List.of(InetAddress.getAllByName(host)), port, timeoutMillis);
    }

    /**
     * A socket connected to one of {@code addresses} (at least one) on {@code port}: each is tried
     * in turn, in the order given, each within {@code timeoutMillis}; the first that answers wins.
     * When every address fails, throws the first address's failure, with the others' attached as
     * suppressed exceptions ({@code getSuppressed()}).
     */
    public static Socket connect(List<InetAddress> addresses, int port, int timeoutMillis)
            throws IOException {
        // tag::solution-2.5[]
        // tag::every-address[]
        IOException firstFailure = null;
        for (InetAddress address : addresses) {
            try {
                return connect(
                        new InetSocketAddress(address, port),
                        timeoutMillis);
            } catch (IOException e) {
                // This address failed: the next may answer.
                if (firstFailure == null) {
                    firstFailure = e;
                } else {
                    firstFailure.addSuppressed(e);
                }
            }
        }
        throw firstFailure; // exit: every address failed
        // end::every-address[]
        // end::solution-2.5[]
    }
}
