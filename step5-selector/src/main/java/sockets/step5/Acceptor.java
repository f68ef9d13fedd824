package sockets.step5;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import jdk.net.ExtendedSocketOptions;
import sockets.step1.Endpoints;
import sockets.step3.KeepAlive;
import sockets.step4.KeepAliveProbes;

/**
 * The listening channel's handler: accepts the clients waiting, registers each with the loop and
 * welcomes it into the lobby - or refuses it when the server is full. When accept() fails for
 * want of descriptors, it says so once and tries again a moment later, without spinning.
 */
final class Acceptor implements EventLoop.Handler {

    static final String FULL = "! server is full - try again later";
    /** Clients accepted in one turn at most: the rooms chatting get their turn between two batches. */
    private static final int ACCEPTS_PER_TURN = 64;
    /** After accept() failed (no descriptor left): how long before we try again. */
    private static final int RETRY_MILLIS = 100;

    private final ServerSocketChannel listener;
    private final Clients clients;
    private SelectionKey key;
    /** accept() failed, and has not succeeded since. */
    private boolean failing;

    Acceptor(ServerSocketChannel listener, Clients clients) {
        this.listener = listener;
        this.clients = clients;
    }

    /** Registers the (non-blocking) listener with the loop. */
    void register() throws IOException {
        key = clients.loop().register(listener, SelectionKey.OP_ACCEPT, this);
    }

    @Override
    public void ready(SelectionKey key) throws IOException {
        acceptAll();
    }

    /**
     * Accepts the clients waiting, at most {@link #ACCEPTS_PER_TURN}: the rooms chatting get their
     * turn between two batches of a crowd's arrivals. None of the calls blocks.
     */
    private void acceptAll() throws IOException {
        // tag::solution-5.2[]
        // tag::accept[]
        for (int i = 0; i < ACCEPTS_PER_TURN; i++) {
            SocketChannel client = listener.accept(); // non-blocking: null when nobody waits
            if (client == null) {
                return; // all accepted
            }
            client.configureBlocking(false); // or register() refuses it: the loop must never wait on it
            welcome(client);
        } // more may wait: the listener is still ready on the next turn
        // end::accept[]
        // end::solution-5.2[]
    }

    /** A new client: registered for reading, then in the lobby - or refused when the server is full. */
    private void welcome(SocketChannel client) {
        if (failing) {
            failing = false;
            clients.log().println("accepting again");
        }
        Connection connection;
        try {
            client.setOption(StandardSocketOptions.TCP_NODELAY, true); // each line leaves at once
            // What the kernel holds for a client that reads nothing: about an outbox's worth (Linux
            // doubles it), where Linux would grow a loopback buffer to 4 MB. Its outbox, and so its
            // stall clock, then starts after a few hundred KB (this buffer and the client's receive
            // buffer), not megabytes - as in step 4 (TcpOptions).
            client.setOption(StandardSocketOptions.SO_SNDBUF, Outbox.MAX_BYTES);
            keepAlive(client);
            connection = new Connection(client, clients, Endpoints.show(client.getRemoteAddress()));
            connection.registered(clients.loop().register(client, SelectionKey.OP_READ, connection));
        } catch (IOException e) {
            closeQuietly(client); // gone before we could welcome it
            return;
        }
        if (clients.count() >= clients.settings().maxClients()) {
            connection.finish(FULL);
            return;
        }
        clients.add(connection);
        connection.join();
    }

    /**
     * Step 4's TCP keepalive (step 3's {@link KeepAlive}, on the channel's socket): after a silence
     * both ways the kernel probes the client, and ends a connection whose client vanished without
     * FIN or RST (switched off, unplugged); the selector then finds it readable, the read fails, and
     * the partner is told {@code * NAME left (connection lost)}. Where the system cannot tune the
     * probes, keepalive is on with the system's own timing (Linux: 2 hours).
     */
    private void keepAlive(SocketChannel client) throws IOException {
        KeepAliveProbes probes = clients.settings().keepAlive();
        if (client.supportedOptions().contains(ExtendedSocketOptions.TCP_KEEPIDLE)) {
            KeepAlive.enable(client.socket(), probes.idle(), probes.interval(), probes.probes());
        } else {
            client.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
        }
    }

    /**
     * accept() failed - most likely no file descriptor is left. Running out is a state, not an end:
     * say so once, stop accepting for a moment (the listener stays ready, so select() would return
     * at once, again and again), serve the clients we have, and try again.
     */
    @Override
    public void failed(IOException e) {
        if (!failing) {
            failing = true;
            clients.log().println("! cannot accept: " + e.getMessage() + " - the " + clients.count()
                    + " clients here are served on; trying again every " + RETRY_MILLIS + " ms");
        }
        key.interestOps(0);
        clients.loop().schedule(RETRY_MILLIS, () -> {
            if (key.isValid()) {
                key.interestOps(SelectionKey.OP_ACCEPT);
            }
        });
    }

    /** Stops listening: the port is free once the selector has forgotten the channel ({@link EventLoop#selectNow()}). */
    void close() {
        closeQuietly(listener);
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // Freed all the same.
        }
    }
}
