package sockets.step1;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * {@code bind()} on loopback: to port 0, where the kernel picks a free port, or to a given
 * port, which fails with {@link java.net.BindException} while another socket holds it.
 */
public final class PortBinding {

    private PortBinding() {}

    /** Binds {@code server} to 127.0.0.1, port 0, and returns the port the kernel chose. */
    // tag::bind-port-0[]
    public static int bindToAnyPort(ServerSocket server)
            throws IOException {
        // tag::solution-1.6[]
        // Port 0 means "any free port": the kernel picks,
        // getLocalPort() tells which.
        server.bind(new InetSocketAddress(
                InetAddress.getLoopbackAddress(), 0));
        return server.getLocalPort();
        // end::solution-1.6[]
    }
    // end::bind-port-0[]

    /**
     * A new server socket bound to 127.0.0.1:{@code port}; the caller closes it. While another
     * socket holds the port: {@link java.net.BindException}, the new socket closed first.
     */
    // tag::listen-on[]
    public static ServerSocket listenOn(int port)
            throws IOException {
        // tag::solution-1.6[]
        ServerSocket server = new ServerSocket();
        try {
            server.bind(new InetSocketAddress(
                    InetAddress.getLoopbackAddress(), port));
            return server;
        } catch (IOException portTaken) {
            // A failed bind still holds a descriptor: close it.
            server.close();
            throw portTaken;
        }
        // end::solution-1.6[]
    }
    // end::listen-on[]
}
