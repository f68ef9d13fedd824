package sockets.step4;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import sockets.step1.Endpoints;
import sockets.step2.Failures;
import sockets.step2.Listener;

/**
 * The listening half of the course's socket class: binds, listens and hands out each client as a
 * {@link SimpleSocket}. With it and its helpers, the only classes of the chat that touch {@code java.net}.
 */
public final class SimpleServerSocket implements Closeable {

    /** Connections the kernel may hold before we accept them: a burst of arrivals is not refused. */
    private static final int BACKLOG = 1024;

    private final ServerSocket listener;
    private final int maxLineBytes;

    private SimpleServerSocket(ServerSocket listener, int maxLineBytes) {
        this.listener = listener;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Listens on {@code bindAddress:port} (port 0: any free port) with step 2's {@link Listener};
     * the clients' lines are limited to {@code maxLineBytes}. Fails with step 2's one-line
     * explanation: {@code cannot listen on A:P: the port is already in use ...}, say.
     */
    public static SimpleServerSocket listen(String bindAddress, int port, int maxLineBytes) throws IOException {
        try {
            InetAddress address = InetAddress.getByName(bindAddress);
            return new SimpleServerSocket(Listener.listen(new InetSocketAddress(address, port), BACKLOG, true), maxLineBytes);
        } catch (IOException e) {
            throw new IOException(Failures.explain(e, bindAddress, port));
        }
    }

    /**
     * Waits for the next client. Fails with {@code listening socket closed} once {@link #close()}
     * was called, else with {@code accept failed: ...}.
     */
    public SimpleSocket accept() throws IOException {
        // tag::solution-4.3[]
        try {
            return new SimpleSocket(listener.accept(), maxLineBytes);
        } catch (IOException e) {
            throw new IOException(listener.isClosed() ? "listening socket closed" : "accept failed: " + e.getMessage());
        }
        // end::solution-4.3[]
    }

    /** The address we listen on, as {@code ADDR:PORT} (the real port after binding to port 0). */
    public String localAddress() {
        return Endpoints.show(listener.getLocalSocketAddress());
    }

    /** The port we listen on. */
    public int localPort() {
        return listener.getLocalPort();
    }

    /** Stops listening: new clients are refused. Safe to call many times. */
    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // The descriptor is freed all the same.
        }
    }
}
