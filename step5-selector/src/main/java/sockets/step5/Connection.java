package sockets.step5;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import sockets.step4.HarmlessText;
import sockets.step4.Mailbox;
import sockets.step4.Member;

/**
 * One client on the loop's thread, and the {@link Mailbox} the lobby tells: queues lines in its
 * {@link Outbox} without ever waiting, whatever the line, and joins, leaves or is kicked from the
 * lobby. Its three sides are classes of their own: {@link ConnectionReader} reads and handles its
 * lines (and pauses while an outbox is full), {@link ConnectionWriter} writes and keeps its interest
 * ops, {@link Goodbye} ends it gracefully.
 */
final class Connection implements EventLoop.Handler, Mailbox {

    /** What a kicked client reads last (step 4's words: {@link sockets.step4.ChatControls#kick}). */
    static final String KICKED = "* kicked by the operator";

    /** A connection's life: chatting, then sending its last lines, then waiting for the client's end. */
    enum State { OPEN, FINISHING, DRAINING, CLOSED }

    final SocketChannel channel;
    private final Clients clients;
    final Outbox outbox;
    final ConnectionReader reader;
    final ConnectionWriter writer;
    final Goodbye goodbye;
    private State state = State.OPEN;
    /** In the server's list of connections to write to at the end of this turn. */
    boolean touched;
    Member member;
    private final String address;
    /** {@code <NAME> } as bytes, for {@link #prefixName}: made again only when the name changes. */
    private byte[] prefix;
    private String prefixName;

    Connection(SocketChannel channel, Clients clients, String address) {
        this.channel = channel;
        this.clients = clients;
        this.address = address;
        this.outbox = new Outbox(clients.outputPool());
        this.reader = new ConnectionReader(this, clients);
        this.writer = new ConnectionWriter(this, clients);
        this.goodbye = new Goodbye(this, clients);
    }

    void registered(SelectionKey key) {
        writer.registered(key);
    }

    String address() {
        return address;
    }

    State state() {
        return state;
    }

    /** Only the goodbye moves a connection on from OPEN ({@link Goodbye}). */
    void state(State next) {
        state = next;
    }

    /** Read no more for now: an outbox its lines would go to is full. */
    boolean isPaused() {
        return reader.isPaused();
    }

    /** When the client was last heard from: the idle timeout counts from here. */
    long lastReadNanos() {
        return reader.lastReadNanos();
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

    /**
     * Its partner's connection now, or null while it waits. Read without the lobby's lock: only
     * the loop's thread changes who is paired with whom.
     */
    Connection partner() {
        Member partner = member == null ? null : member.partner();
        return partner == null ? null : of(partner);
    }

    @Override
    public void ready(SelectionKey key) throws IOException {
        if (key.isReadable()) {
            reader.onReadable();
        }
        if (key.isValid() && key.isWritable()) {
            writer.flush();
        }
    }

    @Override
    public void failed(IOException e) {
        disconnect(" (connection lost)");
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
        boolean told = member != null && leftLobby(why);
        finish(told ? "* bye" : null);
    }

    /** Out of the lobby (its partner told {@code why}) and logged; false once the lobby has closed. */
    boolean leftLobby(String why) {
        boolean told = clients.lobby().leave(member, why);
        clients.log().println("- " + member.name() + " left" + (told ? why : " (server shutting down)"));
        return told;
    }

    /** The graceful goodbye: {@code lastLine} (unless null), then the half-close ({@link Goodbye#finish}). */
    void finish(String lastLine) {
        goodbye.finish(lastLine);
    }

    /** Gone without a goodbye: closed at once ({@link Goodbye#disconnect}). */
    void disconnect(String why) {
        goodbye.disconnect(why);
    }

    /** Closes now; safe to call many times. */
    void close() {
        goodbye.close();
    }
}
