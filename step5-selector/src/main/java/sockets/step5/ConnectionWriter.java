package sockets.step5;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import sockets.step5.Connection.State;

/**
 * The write side of a {@link Connection}: writes what waits in its {@link Outbox} as far as the
 * socket takes it, and keeps the key's interest ops right - OP_WRITE only while bytes wait, OP_READ
 * only while the client is read. When its outbox has room again it lets whoever it held back go on.
 */
final class ConnectionWriter {

    private final Connection connection;
    private final Clients clients;
    private SelectionKey key;
    /** OP_WRITE is on: bytes wait for the socket to make room. */
    private boolean writeWaiting;

    ConnectionWriter(Connection connection, Clients clients) {
        this.connection = connection;
        this.clients = clients;
    }

    void registered(SelectionKey key) {
        this.key = key;
    }

    /**
     * Sets what the loop waits for on this connection: OP_READ while it is read (not paused, or
     * draining), OP_WRITE only while bytes wait for the socket - on when nothing waits, the loop
     * would wake up for it on every turn and spin.
     */
    void updateInterest() {
        // tag::solution-5.4[]
        // tag::interest[]
        State state = connection.state();
        int ops = 0;
        if (state == State.DRAINING || (state == State.OPEN && !connection.reader.isPaused())) {
            ops |= SelectionKey.OP_READ;
        }
        if (writeWaiting) {
            ops |= SelectionKey.OP_WRITE;
        }
        if (key.isValid() && key.interestOps() != ops) {
            key.interestOps(ops);
        }
        // end::interest[]
        // end::solution-5.4[]
    }

    /**
     * Writes what waits, as far as the socket takes it now. A rest turns OP_WRITE on; all sent
     * turns it off, lets whoever was held back by this outbox go on, and ends a goodbye.
     */
    void flush() throws IOException {
        boolean allSent = connection.outbox.writeTo(connection.channel);
        if (allSent == writeWaiting) { // OP_WRITE must change
            writeWaiting = !allSent;
            clients.behind(connection, writeWaiting);
            updateInterest();
        }
        if (!connection.outbox.isFull()) {
            connection.reader.resumeIfPaused(); // held back by its own replies?
            Connection partner = connection.partner();
            if (partner != null) {
                partner.reader.resumeIfPaused(); // held back by this one's full outbox?
            }
        }
        if (allSent && connection.state() == State.FINISHING) {
            connection.goodbye.halfClose();
        }
    }

    /** Closed: what waits is dropped, and the connection no longer counts as behind. */
    void discard() {
        connection.outbox.discard();
        if (writeWaiting) {
            writeWaiting = false;
            clients.behind(connection, false);
        }
    }
}
