package sockets.step5;

import java.io.IOException;
import java.nio.ByteBuffer;
import sockets.step5.Connection.State;

/**
 * How a {@link Connection} ends, through its states: OPEN, then FINISHING (its last lines go out),
 * DRAINING (half-closed: the client's last bytes are read and dropped until it closes its side),
 * then CLOSED - step 3's graceful close, without a thread to wait in. A lost or hopelessly slow
 * client skips to CLOSED at once.
 */
final class Goodbye {

    private final Connection connection;
    private final Clients clients;

    Goodbye(Connection connection, Clients clients) {
        this.connection = connection;
        this.clients = clients;
    }

    /**
     * Goodbye: {@code lastLine} (unless null) goes out after everything waiting, then the
     * half-close; then the client's last bytes are read and dropped until it closes its side,
     * at most {@link SelectorServer#GOODBYE_MILLIS}; then the connection is closed.
     */
    void finish(String lastLine) {
        // tag::solution-5.5[]
        // tag::finish[]
        if (connection.state() != State.OPEN) {
            return; // finishing already, or closed
        }
        if (lastLine != null) {
            connection.tell(lastLine);
        }
        if (connection.state() != State.OPEN) {
            return; // too far behind even for that: dropped
        }
        connection.state(State.FINISHING); // no more lines are read or taken
        connection.reader.stop(); // what it sent and we did not handle is dropped
        // No OP_READ until all is sent: the client's end of stream would wake us on every turn.
        connection.writer.updateInterest();
        clients.touch(connection); // this turn's last flush sends what waits, then half-closes
        clients.loop().schedule(SelectorServer.GOODBYE_MILLIS, this::close); // whatever happens
        // end::finish[]
        // end::solution-5.5[]
    }

    /** All sent: end of stream for the client, which still may send; we read and drop until it closes. */
    void halfClose() throws IOException {
        // tag::solution-5.5[]
        connection.state(State.DRAINING);
        connection.channel.shutdownOutput(); // FIN after our last byte: the client reads end of stream
        connection.writer.updateInterest(); // read only: to see the client's end
        // end::solution-5.5[]
    }

    /** Draining: reads and drops what the client still sends; its end of stream ends the goodbye. */
    void drain() throws IOException {
        ByteBuffer scratch = clients.scratch();
        while (true) {
            scratch.clear();
            int count = connection.channel.read(scratch);
            if (count < 0) {
                close(); // the client closed too: a clean end on both sides
                return;
            }
            if (count == 0) {
                return; // nothing more for now
            }
        }
    }

    /** Gone without a goodbye (reset, not reading): its partner is told why; closed at once. */
    void disconnect(String why) {
        if (connection.state() == State.CLOSED) {
            return;
        }
        if (connection.member != null && connection.state() == State.OPEN) {
            connection.leftLobby(why);
        }
        close();
    }

    /** Closes now; safe to call many times. */
    void close() {
        if (connection.state() == State.CLOSED) {
            return;
        }
        connection.state(State.CLOSED);
        connection.reader.discardInput();
        connection.writer.discard();
        try {
            connection.channel.close(); // also cancels its key
        } catch (IOException ignored) {
            // The descriptor is freed all the same.
        }
        clients.closed(connection);
    }
}
