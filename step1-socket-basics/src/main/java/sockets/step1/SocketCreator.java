package sockets.step1;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;

/**
 * The {@code java.net} call for each C {@code socket()} call. Every method returns a fresh
 * socket that is neither bound nor connected; the caller owns it and closes it.
 */
public final class SocketCreator {

    private SocketCreator() {}

    /** {@code socket(AF_INET, SOCK_STREAM, 0)}: a TCP socket, as a client uses it. */
    // tag::stream[]
    public static Socket stream() {
        // tag::solution-1.1[]
        // new Socket(host, port) would connect at once.
        return new Socket();
        // end::solution-1.1[]
    }
    // end::stream[]

    /** {@code socket(AF_INET, SOCK_STREAM, 0)} for a server, before bind and listen. */
    // tag::listener[]
    public static ServerSocket listener() throws IOException {
        // tag::solution-1.1[]
        // new ServerSocket(port) would bind and listen.
        return new ServerSocket();
        // end::solution-1.1[]
    }
    // end::listener[]

    /** {@code socket(AF_INET, SOCK_DGRAM, 0)}: a UDP socket. */
    // tag::datagram[]
    public static DatagramSocket datagram()
            throws SocketException {
        // tag::solution-1.1[]
        // A null address: do not bind yet.
        // new DatagramSocket() would bind to a port at once.
        return new DatagramSocket((SocketAddress) null);
        // end::solution-1.1[]
    }
    // end::datagram[]
}
