package sockets.step5;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import sockets.step3.framing.LineTooLongException;
import sockets.step4.HarmlessText;
import sockets.step4.Mailbox;
import sockets.step4.Member;

/**
 * One client on the loop's thread: reads what has arrived into its input buffer, hands each whole
 * line to its {@link Conversation}, writes what waits in its {@link Outbox} as the socket takes
 * it, and leaves gracefully. It is the {@link Mailbox} the lobby tells: never waits, whatever the
 * line. Back-pressure: while its own outbox or its partner's is full, it is read no more.
 */
final class Connection implements EventLoop.Handler, Mailbox {

    /** What a kicked client reads last (step 4's words: {@link sockets.step4.ChatControls#kick}). */
    static final String KICKED = "* kicked by the operator";

    /** A connection's life: chatting, then sending its last lines, then waiting for the client's end. */
    enum State { OPEN, FINISHING, DRAINING, CLOSED }

    final SocketChannel channel;
    private final Clients clients;
    private final LineFinder lines;
    final Outbox outbox;
    private SelectionKey key;
    /** The bytes read but not handled yet (an unfinished line, or lines held back); null while none. */
    private ByteBuffer input;
    private State state = State.OPEN;
    /** Read no more for now: an outbox is full (see {@link #blocked()}). */
    private boolean paused;
    /** The client closed its side: what it sent is handled, then it leaves. */
    private boolean inputEnded;
    /** OP_WRITE is on: bytes wait for the socket to make room. */
    private boolean writeWaiting;
    /** In the server's list of connections to write to at the end of this turn. */
    boolean touched;
    long lastReadNanos = System.nanoTime();
    Member member;
    private final String address;
    /** {@code <NAME> } as bytes, for {@link #prefixName}: made again only when the name changes. */
    private byte[] prefix;
    private String prefixName;

    Connection(SocketChannel channel, Clients clients, String address) {
        this.channel = channel;
        this.clients = clients;
        this.address = address;
        this.lines = new LineFinder(clients.settings().maxLineBytes());
        this.outbox = new Outbox(clients.outputPool());
    }

    void registered(SelectionKey key) {
        this.key = key;
    }

    String address() {
        return address;
    }

    State state() {
        return state;
    }

    /** Read no more for now: an outbox its lines would go to is full. */
    boolean isPaused() {
        return paused;
    }

    /** {@code <NAME> } in front of this client's messages, as bytes. */
    byte[] prefix() {
        if (prefixName != member.name()) { // the same String while the name stays: no equals() per line
            prefixName = member.name();
            prefix = ("<" + prefixName + "> ").getBytes(StandardCharsets.UTF_8);
        }
        return prefix;
    }

    /** The connection of a lobby member: on this server every mailbox is a connection. */
    static Connection of(Member member) {
        return (Connection) member.mailbox();
    }

    @Override
    public void ready(SelectionKey key) throws IOException {
        if (key.isReadable()) {
            onReadable();
        }
        if (key.isValid() && key.isWritable()) {
            flush();
        }
    }

    @Override
    public void failed(IOException e) {
        disconnect(" (connection lost)");
    }

    /** Bytes arrived (or the end of the stream): read them and handle every whole line. */
    private void onReadable() throws IOException {
        if (state == State.DRAINING) {
            drain();
            return;
        }
        if (state != State.OPEN || paused) {
            return;
        }
        if (input == null) {
            input = clients.inputPool().take(); // only while bytes wait: an idle client holds none
        }
        int count = channel.read(input);
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
        if (inputEnded && !paused && state == State.OPEN) {
            leave(""); // every line it sent is handled: the graceful way out
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
        while (state == State.OPEN) {
            if (blocked()) {
                pauseReading(); // an outbox is full: the rest waits here, TCP holds the sender
                break;
            }
            ByteBuffer line;
            try {
                line = lines.next(input);
            } catch (LineTooLongException e) {
                reply("! line too long (more than " + e.limit() + " bytes) - not sent");
                continue;
            }
            if (line == null && inputEnded) {
                line = lines.rest(input); // the end: a last line without LF counts
            }
            if (line == null) {
                break; // no whole line left: read more first
            }
            clients.conversation().handle(this, line);
        }
        if (input != null) {
            input.compact(); // write mode again: the unfinished line moves to the front
        }
        // end::read-lines[]
        // end::solution-5.3[]
    }

    /** An outbox that this connection's lines would go to is full: its own (replies) or its partner's. */
    private boolean blocked() {
        if (outbox.isFull()) {
            return true;
        }
        Connection partner = partner();
        return partner != null && partner.outbox.isFull();
    }

    /**
     * Its partner's connection now, or null while it waits. Read without the lobby's lock: only
     * the loop's thread changes who is paired with whom.
     */
    Connection partner() {
        Member partner = member == null ? null : member.partner();
        return partner == null ? null : of(partner);
    }

    /** Stops reading this client until the outbox that filled up has room again ({@link #resume}). */
    private void pauseReading() {
        // tag::solution-5.4[]
        paused = true;
        updateInterest(); // no OP_READ: its bytes wait in the kernel, and TCP slows the client down
        // end::solution-5.4[]
    }

    private static void resumeIfPaused(Connection connection) {
        if (connection != null && connection.paused) {
            connection.resume();
        }
    }

    /** Room again: handles the lines held back, then reads on - unless an outbox fills up again. */
    private void resume() {
        // tag::solution-5.4[]
        paused = false;
        if (state != State.OPEN) {
            return;
        }
        lastReadNanos = System.nanoTime(); // held back, not silent
        handleInput(); // the lines that waited first: order is kept
        if (!paused && state == State.OPEN) {
            updateInterest();
        }
        // end::solution-5.4[]
    }

    /**
     * Sets what the loop waits for on this connection: OP_READ while it is read (not paused, or
     * draining), OP_WRITE only while bytes wait for the socket - on when nothing waits, the loop
     * would wake up for it on every turn and spin.
     */
    private void updateInterest() {
        // tag::solution-5.4[]
        // tag::interest[]
        int ops = 0;
        if (state == State.DRAINING || (state == State.OPEN && !paused)) {
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
        boolean allSent = outbox.writeTo(channel);
        if (allSent == writeWaiting) { // OP_WRITE must change
            writeWaiting = !allSent;
            clients.behind(this, writeWaiting);
            updateInterest();
        }
        if (!outbox.isFull()) {
            resumeIfPaused(this); // held back by its own replies?
            resumeIfPaused(partner()); // held back by this one's full outbox?
        }
        if (allSent && state == State.FINISHING) {
            halfClose();
        }
    }

    /** A notice (the lobby's, the operator's): never waits; a client too far behind even for it is dropped. */
    @Override
    public void tell(String notice) {
        taken(state == State.OPEN && outbox.putNotice(notice));
    }

    /** A message or a reply; never waits: whoever sends checks {@link Outbox#isFull()} first. */
    @Override
    public boolean send(String message) {
        return taken(state == State.OPEN && outbox.putLine(message));
    }

    /** {@code prefix}, the bytes of {@code text} as they came, and a LF: a plain message, never decoded. */
    void sendAsIs(byte[] prefix, ByteBuffer text) {
        taken(state == State.OPEN && outbox.putLine(prefix, text));
    }

    /** An answer for this client itself. */
    void reply(String line) {
        send(line);
    }

    /** A line was queued: written at the end of the turn. Not queued, while open: no room left - dropped. */
    private boolean taken(boolean queued) {
        if (queued) {
            clients.touch(this);
        } else if (state == State.OPEN) {
            disconnect(" (was not reading, disconnected)"); // hopelessly far behind
        }
        return queued;
    }

    /** Joins the lobby: welcomed, then paired or waiting; once the server shuts down, told so and closed. */
    void join() {
        member = clients.lobby().join(this, address);
        if (member == null) {
            finish(SelectorServer.SHUTTING_DOWN); // the server began to shut down as this client arrived
            return;
        }
        clients.log().println("+ " + member.name() + " from " + address);
    }

    /**
     * The operator's {@code /kick}: its partner is told {@code * NAME left (kicked by the operator)}
     * now, then the client gets {@link #KICKED} (and {@code : REASON}) and its goodbye.
     */
    void kick(String reason) {
        if (state != State.OPEN) {
            return; // leaving already
        }
        clients.lobby().leave(member, " (kicked by the operator)");
        clients.log().println("- " + member.name() + " kicked by the operator");
        finish(reason.isBlank() ? KICKED : KICKED + ": " + HarmlessText.clean(reason));
    }

    /** The client leaves (quit, end of input, silent too long): its partner is told, it is said goodbye. */
    void leave(String why) {
        if (state != State.OPEN) {
            return;
        }
        boolean told = member != null && clients.lobby().leave(member, why);
        if (member != null) {
            clients.log().println("- " + member.name() + " left" + (told ? why : " (server shutting down)"));
        }
        finish(told ? "* bye" : null);
    }

    /**
     * Goodbye: {@code lastLine} (unless null) goes out after everything waiting, then the
     * half-close; then the client's last bytes are read and dropped until it closes its side,
     * at most {@link SelectorServer#GOODBYE_MILLIS}; then the connection is closed.
     */
    void finish(String lastLine) {
        // tag::solution-5.5[]
        // tag::finish[]
        if (state != State.OPEN) {
            return; // finishing already, or closed
        }
        if (lastLine != null) {
            tell(lastLine);
        }
        if (state != State.OPEN) {
            return; // too far behind even for that: dropped
        }
        state = State.FINISHING; // no more lines are read or taken
        paused = false;
        discardInput();
        updateInterest(); // not read until all is sent: its end of stream would wake us on every turn
        clients.touch(this); // the flush at the end of this turn sends what waits, then half-closes
        clients.loop().schedule(SelectorServer.GOODBYE_MILLIS, this::close); // whatever happens
        // end::finish[]
        // end::solution-5.5[]
    }

    /** All sent: end of stream for the client, which still may send; we read and drop until it closes. */
    private void halfClose() throws IOException {
        // tag::solution-5.5[]
        state = State.DRAINING;
        channel.shutdownOutput(); // FIN after our last byte: the client reads end of stream
        updateInterest(); // read only: to see the client's end
        // end::solution-5.5[]
    }

    /** Draining: reads and drops what the client still sends; its end of stream ends the goodbye. */
    private void drain() throws IOException {
        ByteBuffer scratch = clients.scratch();
        while (true) {
            scratch.clear();
            int count = channel.read(scratch);
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
        if (state == State.CLOSED) {
            return;
        }
        if (member != null && state == State.OPEN) {
            boolean told = clients.lobby().leave(member, why);
            clients.log().println("- " + member.name() + " left" + (told ? why : " (server shutting down)"));
        }
        close();
    }

    /** Closes now; safe to call many times. */
    void close() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        discardInput();
        outbox.discard();
        if (writeWaiting) {
            writeWaiting = false;
            clients.behind(this, false);
        }
        try {
            channel.close(); // also cancels its key
        } catch (IOException ignored) {
            // The descriptor is freed all the same.
        }
        clients.closed(this);
    }

    private void discardInput() {
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
