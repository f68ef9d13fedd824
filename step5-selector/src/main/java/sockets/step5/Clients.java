package sockets.step5;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import sockets.step4.ChatServer;
import sockets.step4.Lobby;

/**
 * Every connection of the server and what they share, on the loop's thread alone: the lobby,
 * the buffer pools, the connections to write to at the end of this turn, and those that are
 * behind (bytes waiting for a socket that has no room) - the ones the stall check looks at.
 */
final class Clients {

    /** Bytes one read takes at most: about 500 chat lines per system call on a busy connection. */
    static final int READ_BYTES = 32 * 1024;

    private final ChatServer.Settings settings;
    private final PrintStream log;
    private final EventLoop loop;
    private final Lobby lobby = new Lobby();
    private final Conversation conversation = new Conversation(lobby);
    private final BufferPool inputPool;
    private final BufferPool outputPool;
    private final ByteBuffer scratch = ByteBuffer.allocate(READ_BYTES);
    private final Set<Connection> all = new HashSet<>();
    private final ArrayDeque<Connection> touched = new ArrayDeque<>();
    private final Set<Connection> behind = new HashSet<>();
    private boolean stallCheckArmed;
    /** Once the server shuts down, the last connection to close ends the loop. */
    private boolean lastOneStops;

    Clients(ChatServer.Settings settings, PrintStream log, EventLoop loop) {
        this.settings = settings;
        this.log = log;
        this.loop = loop;
        int longestLine = 3 * settings.maxLineBytes() + 64; // each invalid byte may become a 3-byte U+FFFD
        this.inputPool = new BufferPool(Math.max(READ_BYTES, settings.maxLineBytes() + 2));
        this.outputPool = new BufferPool(Outbox.capacityFor(longestLine));
        if (settings.idleTimeoutMillis() > 0) {
            loop.schedule(idleCheckMillis(), this::disconnectSilent);
        }
    }

    /** A new connection: counted, and closed with the others at a shutdown. */
    void add(Connection connection) {
        all.add(connection);
    }

    int count() {
        return all.size();
    }

    /** Every connection now, to act on each (a copy: acting may close some). */
    List<Connection> all() {
        return new ArrayList<>(all);
    }

    /** {@code connection} has new bytes to write: at the end of this turn. */
    void touch(Connection connection) {
        if (!connection.touched) {
            connection.touched = true;
            touched.add(connection);
        }
    }

    /** The end of a turn: writes what its events queued, as far as each socket takes it now. */
    void writeTouched() {
        Connection connection;
        while ((connection = touched.poll()) != null) { // writing may queue more: for a partner held back
            connection.touched = false;
            if (connection.state() == Connection.State.CLOSED) {
                continue;
            }
            try {
                connection.writer.flush();
            } catch (IOException e) {
                connection.failed(e);
            }
        }
    }

    /** Bytes waiting for the clients that are behind, after this turn's writes. */
    long queuedBytes() {
        long queued = 0;
        for (Connection waiting : behind) {
            queued += waiting.outbox.waiting();
        }
        return queued;
    }

    /** {@code connection} has bytes the socket did not take ({@code true}), or none any more. */
    void behind(Connection connection, boolean waiting) {
        if (!waiting) {
            behind.remove(connection);
            return;
        }
        behind.add(connection);
        if (!stallCheckArmed) {
            stallCheckArmed = true;
            loop.schedule(stallCheckMillis(), this::dropStalled);
        }
    }

    /** {@code connection} is closed: forgotten; after a shutdown, the last one gone ends the loop. */
    void closed(Connection connection) {
        all.remove(connection);
        behind.remove(connection);
        if (lastOneStops && all.isEmpty()) {
            loop.stop();
        }
    }

    /** From now on the last connection to close ends the loop (now, if none is left). */
    void stopWhenAllClosed() {
        lastOneStops = true;
        if (all.isEmpty()) {
            loop.stop();
        }
    }

    /** Drops every client that took none of its waiting bytes for the stall time; its partner is told. */
    private void dropStalled() {
        long now = System.nanoTime();
        long stallNanos = TimeUnit.MILLISECONDS.toNanos(settings.stallMillis());
        for (Connection connection : new ArrayList<>(behind)) {
            if (connection.outbox.stalledNanos(now) > stallNanos) {
                connection.disconnect(" (was not reading, disconnected)");
            }
        }
        stallCheckArmed = !behind.isEmpty();
        if (stallCheckArmed) {
            loop.schedule(stallCheckMillis(), this::dropStalled);
        }
    }

    /** With {@code --idle-timeout}: a client silent that long leaves (step 4's words). */
    private void disconnectSilent() {
        long limit = TimeUnit.MILLISECONDS.toNanos(settings.idleTimeoutMillis());
        long now = System.nanoTime();
        for (Connection connection : all()) {
            if (connection.state() == Connection.State.OPEN && !connection.isPaused()
                    && now - connection.lastReadNanos() > limit) {
                connection.leave(" (silent too long, disconnected)");
            }
        }
        loop.schedule(idleCheckMillis(), this::disconnectSilent);
    }

    private long stallCheckMillis() {
        return Math.max(10, Math.min(250, settings.stallMillis() / 4));
    }

    private long idleCheckMillis() {
        return Math.max(10, Math.min(1000, settings.idleTimeoutMillis() / 4));
    }

    ChatServer.Settings settings() {
        return settings;
    }

    PrintStream log() {
        return log;
    }

    Lobby lobby() {
        return lobby;
    }

    Conversation conversation() {
        return conversation;
    }

    EventLoop loop() {
        return loop;
    }

    BufferPool inputPool() {
        return inputPool;
    }

    BufferPool outputPool() {
        return outputPool;
    }

    /** A buffer whose bytes nobody keeps: for reading what a leaving client still sends. */
    ByteBuffer scratch() {
        return scratch;
    }
}
