package sockets.step5;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import sockets.step1.Endpoints;
import sockets.step2.Failures;
import sockets.step4.ChatServer;
import sockets.step4.HarmlessText;
import sockets.step4.Lobby;
import sockets.step4.Member;

/**
 * Step 4's chat on one thread: an {@link EventLoop} accepts every client, reads and writes every
 * connection without ever waiting, and pairs them in step 4's {@link Lobby}. Same protocol, same
 * command line, same promises; other threads (the console, a signal) act through
 * {@link EventLoop#submit}. Thread-safe: every public method may be called from any thread.
 */
public final class SelectorServer implements AutoCloseable {

    static final String SHUTTING_DOWN = "* server is shutting down";
    static final String FULL = "! server is full - try again later";
    /** How long a leaving client gets to read its last lines and close its side. */
    static final int GOODBYE_MILLIS = 2_000;
    /** How long a shutdown waits for the clients to close their side after the notice. */
    static final int SHUTDOWN_MILLIS = 2_000;
    /** Connections the kernel may hold before we accept them: a burst of arrivals is not refused. */
    private static final int BACKLOG = 1024;
    /** Clients accepted in one turn at most: 100 arrivals take the loop about a millisecond. */
    private static final int ACCEPTS_PER_TURN = 64;
    /** After accept() failed (no descriptor left): how long before we try again. */
    private static final int ACCEPT_RETRY_MILLIS = 100;
    /** Bytes one read takes at most: about a thousand chat lines per system call on a busy connection. */
    private static final int READ_BYTES = 32 * 1024;

    private final ChatServer.Settings settings;
    private final PrintStream log;
    private final ServerSocketChannel listener;
    private final String address;
    private final EventLoop loop;
    private final Lobby lobby = new Lobby();
    private final Conversation conversation = new Conversation(lobby);
    private final BufferPool inputPool;
    private final BufferPool outputPool;
    private final ByteBuffer scratch = ByteBuffer.allocate(READ_BYTES);
    private final long stallNanos;
    // The loop's thread alone touches these.
    private SelectionKey listening;
    private final Set<Connection> connections = new HashSet<>();
    private final ArrayDeque<Connection> touched = new ArrayDeque<>();
    private final Set<Connection> behind = new HashSet<>();
    private boolean stallCheckArmed;
    private boolean acceptFailing;
    // What other threads read.
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile int connectionCount;
    private volatile long queuedBytes;
    private volatile String failure;
    private Thread thread;

    private SelectorServer(ChatServer.Settings settings, PrintStream log, ServerSocketChannel listener)
            throws IOException {
        this.settings = settings;
        this.log = log;
        this.listener = listener;
        this.address = Endpoints.show(listener.getLocalAddress());
        this.loop = new EventLoop(this::afterEvents);
        int longestLine = 3 * settings.maxLineBytes() + 64; // each invalid byte may become a 3-byte U+FFFD
        this.inputPool = new BufferPool(Math.max(READ_BYTES, settings.maxLineBytes() + 2));
        this.outputPool = new BufferPool(Outbox.capacityFor(longestLine));
        this.stallNanos = TimeUnit.MILLISECONDS.toNanos(settings.stallMillis());
    }

    /**
     * Binds, listens and starts the loop's thread; {@code log} gets one line per arrival and
     * departure. Fails with step 2's one-line explanation ({@code cannot listen on A:P: ...}).
     */
    public static SelectorServer start(ChatServer.Settings settings, PrintStream log) throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        try {
            listener.bind(new InetSocketAddress(InetAddress.getByName(settings.bind()), settings.port()), BACKLOG);
            listener.configureBlocking(false); // accept() returns null when nobody waits
        } catch (IOException e) {
            listener.close();
            throw new IOException(Failures.explain(e, settings.bind(), settings.port()));
        }
        SelectorServer server = new SelectorServer(settings, log, listener);
        server.listening = server.loop.register(listener, SelectionKey.OP_ACCEPT, server.new Acceptor());
        if (settings.idleTimeoutMillis() > 0) {
            server.loop.schedule(server.idleCheckMillis(), server::disconnectSilent);
        }
        server.thread = Thread.ofPlatform().name("selector").start(server::runLoop);
        return server;
    }

    /** The listening channel's handler: new clients, or a failing accept(). */
    private final class Acceptor implements EventLoop.Handler {
        @Override
        public void ready(SelectionKey key) throws IOException {
            acceptAll();
        }

        @Override
        public void failed(IOException e) {
            acceptFailed(e);
        }
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
        if (acceptFailing) {
            acceptFailing = false;
            log.println("accepting again");
        }
        Connection connection;
        try {
            client.setOption(StandardSocketOptions.TCP_NODELAY, true); // each line leaves at once
            connection = new Connection(client, this, Endpoints.show(client.getRemoteAddress()));
            connection.registered(loop.register(client, SelectionKey.OP_READ, connection));
        } catch (IOException e) {
            closeQuietly(client); // gone before we could welcome it
            return;
        }
        if (connections.size() >= settings.maxClients()) {
            connection.finish(FULL);
            return;
        }
        connections.add(connection);
        connection.join();
    }

    /**
     * accept() failed - most likely no file descriptor is left. Running out is a state, not an end:
     * say so once, stop accepting for a moment (the listener stays ready, so select() would return
     * at once, again and again), serve the clients we have, and try again.
     */
    private void acceptFailed(IOException e) {
        if (!acceptFailing) {
            acceptFailing = true;
            log.println("! cannot accept: " + e.getMessage() + " - the " + connections.size()
                    + " clients here are served on; trying again every " + ACCEPT_RETRY_MILLIS + " ms");
        }
        listening.interestOps(0);
        loop.schedule(ACCEPT_RETRY_MILLIS, () -> {
            if (listening.isValid()) {
                listening.interestOps(SelectionKey.OP_ACCEPT);
            }
        });
    }

    /** The loop's thread: runs the loop, then closes whatever is left. */
    private void runLoop() {
        try {
            loop.run();
        } catch (IOException e) {
            failure = "the selector failed: " + e.getMessage();
        } catch (RuntimeException | Error e) {
            failure = e.toString();
            throw e; // a bug: the thread's handler reports it
        } finally {
            closeEverything();
            stopped.countDown();
        }
    }

    /** After each turn's events: write what they queued, then publish the figures other threads read. */
    private void afterEvents() {
        Connection connection;
        while ((connection = touched.poll()) != null) {
            connection.touched = false;
            if (connection.state() == Connection.State.CLOSED) {
                continue;
            }
            try {
                connection.flush();
            } catch (IOException e) {
                connection.failed(e);
            }
        }
        connectionCount = connections.size();
        long queued = 0;
        for (Connection waiting : behind) {
            queued += waiting.outbox.waiting();
        }
        queuedBytes = queued;
    }

    /** {@code connection} has new bytes to write: at the end of this turn. */
    void touch(Connection connection) {
        if (!connection.touched) {
            connection.touched = true;
            touched.add(connection);
        }
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

    /** Drops every client that took none of its waiting bytes for the stall time; its partner is told. */
    private void dropStalled() {
        long now = System.nanoTime();
        for (Connection connection : new ArrayList<>(behind)) {
            if (connection.outbox.stalledNanos(now) > stallNanos) {
                connection.disconnect(" (was not reading, disconnected)");
            }
        }
        stallCheckArmed = !behind.isEmpty();
        if (stallCheckArmed) {
            loop.schedule(stallCheckMillis(), this::dropStalled);
        }
        afterEvents();
    }

    /** With {@code --idle-timeout}: a client silent that long leaves (step 4's words). */
    private void disconnectSilent() {
        long limit = TimeUnit.MILLISECONDS.toNanos(settings.idleTimeoutMillis());
        long now = System.nanoTime();
        for (Connection connection : new ArrayList<>(connections)) {
            if (connection.state() == Connection.State.OPEN && !connection.isPaused()
                    && now - connection.lastReadNanos > limit) {
                connection.leave(" (silent too long, disconnected)");
            }
        }
        loop.schedule(idleCheckMillis(), this::disconnectSilent);
        afterEvents();
    }

    private long stallCheckMillis() {
        return Math.max(10, Math.min(250, settings.stallMillis() / 4));
    }

    private long idleCheckMillis() {
        return Math.max(10, Math.min(1000, settings.idleTimeoutMillis() / 4));
    }

    /** {@code connection} is closed: forgotten; the last one gone ends a shutdown. */
    void closed(Connection connection) {
        connections.remove(connection);
        behind.remove(connection);
        if (stopping.get() && connections.isEmpty()) {
            loop.stop();
        }
    }

    // --- What other threads call ---

    /** {@code ADDR:PORT} the server listens on. */
    public String address() {
        return address;
    }

    public int port() {
        return ((InetSocketAddress) localAddress()).getPort();
    }

    private java.net.SocketAddress localAddress() {
        try {
            return listener.getLocalAddress();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The operator's line: to every client as {@code <server> TEXT}; returns how many got it. */
    public int broadcast(String text) {
        String line = "<server> " + HarmlessText.clean(text);
        CompletableFuture<Integer> told = new CompletableFuture<>();
        loop.submit(() -> {
            List<Member> everyone = lobby.everyone();
            for (Member member : everyone) {
                member.mailbox().tell(line); // a notice: never waits for a slow client
            }
            told.complete(everyone.size());
        });
        return onLoop(told, 0);
    }

    /** The operator's console on {@code in}: each line to everyone, {@code /quit} shuts down; until its end. */
    public void console(InputStream in) throws IOException {
        Console.run(this, in, log, settings.maxLineBytes());
    }

    /**
     * Graceful shutdown: stop accepting (a newcomer is refused from the moment this returns), pair
     * nobody from now on, tell every client, let each close its side (at most
     * {@link #SHUTDOWN_MILLIS}), close what is left, end the loop. False if another call did it
     * already (this one then waits for it to end).
     */
    public boolean shutdown() {
        if (!stopping.compareAndSet(false, true)) {
            awaitStopped(SHUTDOWN_MILLIS * 2L);
            return false;
        }
        loop.submit(() -> {
            stopListening();
            lobby.close(); // nobody is paired, or told anyone joined, from now on
            for (Connection connection : new ArrayList<>(connections)) {
                connection.finish(SHUTTING_DOWN); // the notice, then end of stream
            }
            if (connections.isEmpty()) {
                loop.stop();
            }
            loop.schedule(SHUTDOWN_MILLIS, loop::stop); // whoever has not closed by then is closed
        });
        awaitStopped(SHUTDOWN_MILLIS * 2L);
        return true;
    }

    /** Closes at once: no notices, no waiting for clients (the tests' clean-up). */
    @Override
    public void close() {
        stopping.set(true);
        loop.stop();
        try {
            thread.join(SHUTDOWN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // asked to hurry: the loop's thread ends by itself
        }
    }

    /** Waits up to {@code millis} for the server to stop; true if it did. */
    public boolean awaitStopped(long millis) {
        try {
            return stopped.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** True once a shutdown (or a close) has begun. */
    public boolean stopping() {
        return stopping.get();
    }

    /** Why the loop ended without a shutdown (a bug), or null. */
    public String failure() {
        return failure;
    }

    /** How many clients are in the lobby now. */
    public int clients() {
        return lobby.size();
    }

    /** How many connections the loop holds, as of its last turn (arriving, chatting or leaving). */
    public int connections() {
        return connectionCount;
    }

    /** Bytes waiting in every client's outbox, as of the loop's last turn: what slow readers cost. */
    public long queuedBytes() {
        return queuedBytes;
    }

    /** Turns of the loop so far: still while everyone is idle, thousands a second if it spins. */
    public long turns() {
        return loop.turns();
    }

    // --- The loop's parts, for its connections ---

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

    /** Closes the listener now: the port is free, and a newcomer is refused, once this returns. */
    private void stopListening() {
        closeQuietly(listener);
        try {
            loop.selectNow(); // a registered channel really closes only when the selector forgets it
        } catch (IOException ignored) {
            // Closed all the same once the selector closes.
        }
    }

    /** The loop ended: every connection and the listener closed, the selector too. */
    private void closeEverything() {
        closeQuietly(listener);
        for (SelectionKey key : new ArrayList<>(loop.keys())) {
            if (key.attachment() instanceof Connection connection) {
                connection.close();
            }
        }
        loop.close();
        connectionCount = 0;
        queuedBytes = 0;
    }

    private <T> T onLoop(CompletableFuture<T> result, T ifStopped) {
        try {
            return result.get(SHUTDOWN_MILLIS * 2L, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ifStopped;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return ifStopped; // the loop has stopped: nobody is there to tell
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // Freed all the same.
        }
    }
}
