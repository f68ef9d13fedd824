package sockets.step1;

import java.io.IOException;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * The {@code java.nio.channels} way to call {@code socket()}: here the address family is an
 * argument, as in C, so one class covers IPv4, IPv6 and UNIX-domain sockets.
 */
public final class ChannelOpener {

    private ChannelOpener() {}

    /** {@code socket(family, SOCK_STREAM, 0)}: INET, INET6 or UNIX; unbound, unconnected. */
    // tag::open-channel[]
    public static SocketChannel stream(ProtocolFamily family)
            throws IOException {
        // tag::solution-1.3[]
        // SocketChannel.open() alone picks the family for you
        // (IPv6 with IPv4 mapped in): name it instead.
        return SocketChannel.open(family);
        // end::solution-1.3[]
    }
    // end::open-channel[]

    /**
     * {@code socket(AF_UNIX, SOCK_STREAM, 0)} then {@code bind()} to {@code socketFile}: the
     * kernel creates the file. Closing the channel leaves the file behind: delete it yourself.
     * When {@code bind()} fails, the channel is closed before the exception goes on.
     */
    // tag::bind-unix[]
    public static ServerSocketChannel bindUnix(Path socketFile)
            throws IOException {
        // tag::solution-1.3[]
        ServerSocketChannel server =
                ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            // A UNIX address is a path, not a host and a port.
            server.bind(UnixDomainSocketAddress.of(socketFile));
            return server;
        } catch (IOException bindFailed) {
            // A failed bind still holds a descriptor: close it.
            server.close();
            throw bindFailed;
        }
        // end::solution-1.3[]
    }
    // end::bind-unix[]
}
