package sockets.step5;

import java.io.IOException;
import java.nio.ByteBuffer;
import sockets.step3.framing.LineTooLongException;
import sockets.step5.Connection.State;

/**
 * The read side of a {@link Connection}: reads what has arrived into an input buffer, hands each
 * whole line to the {@link Conversation}, and reads no more while an outbox the lines would go to
 * is full (back-pressure). Apart from the write side ({@link ConnectionWriter}): reading decides
 * what the client's bytes mean, writing only waits for the socket to take ours.
 */
final class ConnectionReader {

    private final Connection connection;
    private final Clients clients;
    private final LineFinder lines;
    /** The bytes read but not handled yet (an unfinished line, or lines held back); null while none. */
    private ByteBuffer input;
    /** Read no more for now: an outbox is full (see {@link #blocked()}). */
    private boolean paused;
    /** The client closed its side: what it sent is handled, then it leaves. */
    private boolean inputEnded;
    /** When the client was last heard from (or held back): the idle timeout counts from here. */
    private long lastReadNanos = System.nanoTime();

    ConnectionReader(Connection connection, Clients clients) {
        this.connection = connection;
        this.clients = clients;
        this.lines = new LineFinder(clients.settings().maxLineBytes());
    }

    /** Read no more for now: an outbox its lines would go to is full. */
    boolean isPaused() {
        return paused;
    }

    long lastReadNanos() {
        return lastReadNanos;
    }

    /** Bytes arrived (or the end of the stream): read them and handle every whole line. */
    void onReadable() throws IOException {
        if (connection.state() == State.DRAINING) {
            connection.goodbye.drain();
            return;
        }
        if (connection.state() != State.OPEN || paused) {
            return;
        }
        if (input == null) {
            input = clients.inputPool().take(); // only while bytes wait: an idle client holds none
        }
        int count = connection.channel.read(input);
        if (count < 0) {
            inputEnded = true; // the client half-closed or closed: its last lines, then goodbye
        } else {
            lastReadNanos = System.nanoTime();
        }
        handleInput();
    }

    /**
     * Handles what was read: every whole line, then - once the client's input has ended and every
     * line it sent is handled - its leaving.
     */
    private void handleInput() {
        if (input == null) {
            input = clients.inputPool().take();
        }
        handleLines();
        releaseEmptyInput();
        if (inputEnded && !paused && connection.state() == State.OPEN) {
            connection.leave(""); // every line it sent is handled: the graceful way out
        }
    }

    /**
     * Hands every whole line of the input to the conversation while there is room to answer and
     * to relay, and keeps the rest - an unfinished line, or lines held back - for later. Once the
     * client's input has ended, a last line without LF counts too. A line over the limit is
     * answered with {@code reply("! line too long (more than " + e.limit() + " bytes) - not sent")}
     * (step 4's reply: {@code ! line too long (more than 4096 bytes) - not sent}).
     */
    private void handleLines() {
        // tag::solution-5.3[]
        // tag::read-lines[]
        input.flip(); // read mode: the unread bytes are position to limit
        while (connection.state() == State.OPEN) {
            if (blocked()) {
                pauseReading(); // an outbox is full: the rest waits here, TCP holds the sender
                break;
            }
            ByteBuffer line;
            try {
                line = lines.next(input);
            } catch (LineTooLongException e) {
                connection.reply("! line too long (more than " + e.limit() + " bytes) - not sent");
                continue;
            }
            if (line == null && inputEnded) {
                line = lines.rest(input); // the end: a last line without LF counts
            }
            if (line == null) {
                break; // no whole line left: read more first
            }
            clients.conversation().handle(connection, line);
        }
        if (input != null) {
            input.compact(); // write mode again: the unfinished line moves to the front
        }
        // end::read-lines[]
        // end::solution-5.3[]
    }

    /** An outbox that this connection's lines would go to is full: its own (replies) or its partner's. */
    private boolean blocked() {
        if (connection.outbox.isFull()) {
            return true;
        }
        Connection partner = connection.partner();
        return partner != null && partner.outbox.isFull();
    }

    /** Stops reading this client until the outbox that filled up has room again ({@link #resume}). */
    private void pauseReading() {
        // tag::solution-5.4[]
        paused = true;
        connection.writer.updateInterest(); // no OP_READ: its bytes wait in the kernel, TCP slows it down
        // end::solution-5.4[]
    }

    /** An outbox has room again: if it held this client back, reading goes on. */
    void resumeIfPaused() {
        if (paused) {
            resume();
        }
    }

    /** Room again: handles the lines held back, then reads on - unless an outbox fills up again. */
    private void resume() {
        // tag::solution-5.4[]
        paused = false;
        if (connection.state() != State.OPEN) {
            return;
        }
        lastReadNanos = System.nanoTime(); // held back, not silent
        handleInput(); // the lines that waited first: order is kept
        if (!paused && connection.state() == State.OPEN) {
            connection.writer.updateInterest();
        }
        // end::solution-5.4[]
    }

    /** The goodbye has begun: nothing more is read, and nothing held back waits to be. */
    void stop() {
        paused = false;
        discardInput();
    }

    /** The input buffer, whatever it holds, goes back to the pool. */
    void discardInput() {
        if (input != null) {
            clients.inputPool().give(input);
            input = null;
        }
    }

    /** An input buffer with nothing in it goes back to the pool: an idle client holds none. */
    private void releaseEmptyInput() {
        if (input != null && input.position() == 0) {
            discardInput();
        }
    }
}
