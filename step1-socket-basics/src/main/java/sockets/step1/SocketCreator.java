package sockets.step1;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;

/**
 * The {@code java.net} call for each C {@code socket()} call. Every method returns a fresh
 * socket that is neither bound nor connected; the caller owns it and closes it. Where the
 * machine has IPv6, the JDK makes each of them an AF_INET6 socket with {@code IPV6_V6ONLY} off,
 * which reaches IPv4 addresses too ({@code -Djava.net.preferIPv4Stack=true}: AF_INET).
 */
public final class SocketCreator {

    private SocketCreator() {}

    /** {@code socket(AF_INET6, SOCK_STREAM, 0)}, dual-stack: a TCP socket, as a client uses it. */
    // tag::stream[]
    public static Socket stream() {
        // tag::solution-1.1[]
        // new Socket(host, port) would connect at once.
        return new Socket();
        // end::solution-1.1[]
    }
    // end::stream[]

    /** The same {@code socket()} for a server, before bind and listen. */
    // tag::listener[]
    public static ServerSocket listener() throws IOException {
        // tag::solution-1.1[]
        // new ServerSocket(port) would bind and listen.
        return new ServerSocket();
        // end::solution-1.1[]
    }
    // end::listener[]

    /** {@code socket(AF_INET6, SOCK_DGRAM, 0)}, dual-stack: a UDP socket. */
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
