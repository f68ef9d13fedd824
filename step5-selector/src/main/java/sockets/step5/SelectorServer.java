package sockets.step5;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import sockets.step1.Endpoints;
import sockets.step2.Failures;
import sockets.step4.ChatControls;
import sockets.step4.ChatServer;

/**
 * Step 4's chat on one thread: an {@link EventLoop} accepts every client ({@link Acceptor}), reads
 * and writes every connection without ever waiting ({@link Connection}), and pairs them in step
 * 4's lobby. Same protocol, same command line, same promises; step 4's operator console drives it
 * through {@link ChatControls} ({@link OperatorCommands}). The loop runs on a thread of its own
 * ({@link LoopThread}). Every public method may be called from any thread: other threads act on
 * the connections only through {@link EventLoop#submit}.
 */
public final class SelectorServer implements ChatControls, AutoCloseable {

    static final String SHUTTING_DOWN = "* server is shutting down";
    /** How long a leaving client gets to read its last lines and close its side. */
    static final int GOODBYE_MILLIS = 2_000;
    /** How long a shutdown waits for the clients to close their side after the notice. */
    static final int SHUTDOWN_MILLIS = 2_000;
    /** Connections the kernel may hold before we accept them: a burst of arrivals is not refused. */
    private static final int BACKLOG = 1024;

    private final String address;
    private final int port;
    private final EventLoop loop;
    private final Clients clients;
    private final Acceptor acceptor;
    private final LoopThread loopThread;
    private final OperatorCommands operator;
    private final AtomicBoolean stopping = new AtomicBoolean();

    private SelectorServer(ChatServer.Settings settings, PrintStream log, ServerSocketChannel listener)
            throws IOException {
        InetSocketAddress bound = (InetSocketAddress) listener.getLocalAddress();
        this.address = Endpoints.show(bound);
        this.port = bound.getPort();
        this.loop = new EventLoop(this::afterEvents);
        this.clients = new Clients(settings, log, loop);
        this.acceptor = new Acceptor(listener, clients);
        acceptor.register();
        this.loopThread = new LoopThread(loop, clients, acceptor);
        this.operator = new OperatorCommands(loop, clients);
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
        server.loopThread.start();
        return server;
    }

    /** After each turn's events (the loop calls it on its thread). */
    private void afterEvents() {
        loopThread.afterEvents();
    }

    /** {@code ADDR:PORT} the server listens on. */
    public String address() {
        return address;
    }

    public int port() {
        return port;
    }

    /** Everyone in the lobby: each room's two members together, then who waits (the operator's {@code /who}). */
    @Override
    public List<Connected> who() {
        return clients.lobby().present(); // the lobby's lock makes this safe from any thread
    }

    /** {@code <server> TEXT} to the client called {@code name} only; false if nobody is. */
    @Override
    public boolean message(String name, String text) {
        return operator.message(name, text);
    }

    /**
     * Disconnects the client called {@code name}: its partner is told {@code * NAME left (kicked
     * by the operator)}, the client gets {@code * kicked by the operator[: REASON]}, then its
     * goodbye. False if nobody has that name.
     */
    @Override
    public boolean kick(String name, String reason) {
        return operator.kick(name, reason);
    }

    /** The operator's line: to every client as {@code <server> TEXT}; returns how many got it. */
    @Override
    public int broadcast(String text) {
        return operator.broadcast(text);
    }

    /**
     * Graceful shutdown: stop accepting (a newcomer is refused from the moment this returns), pair
     * nobody from now on, tell every client, let each close its side (at most
     * {@link #SHUTDOWN_MILLIS}), close what is left, end the loop. False if another call did it
     * already (this one then waits for it to end).
     */
    @Override
    public boolean shutdown() {
        if (!stopping.compareAndSet(false, true)) {
            awaitStopped(SHUTDOWN_MILLIS * 2L);
            return false;
        }
        loop.submit(() -> {
            acceptor.close();
            try {
                loop.selectNow(); // a registered channel really closes only once the selector forgets it
            } catch (IOException ignored) {
                // Closed all the same when the selector closes.
            }
            clients.lobby().close(); // nobody is paired, or told anyone joined, from now on
            for (Connection connection : clients.all()) {
                connection.finish(SHUTTING_DOWN); // the notice, then end of stream
            }
            clients.stopWhenAllClosed();
            loop.schedule(SHUTDOWN_MILLIS, loop::stop); // whoever has not closed by then is closed
        });
        awaitStopped(SHUTDOWN_MILLIS * 2L);
        return true;
    }

    /** Closes at once: no notices, no waiting for clients (the tests' clean-up). */
    @Override
    public void close() {
        stopping.set(true);
        loopThread.stop(SHUTDOWN_MILLIS);
    }

    /** Waits up to {@code millis} for the server to stop; true if it did. */
    public boolean awaitStopped(long millis) {
        return loopThread.awaitStopped(millis);
    }

    /** Why the loop ended without a shutdown (a bug), or null. */
    public String failure() {
        return loopThread.failure();
    }

    /** How many clients are in the lobby now. */
    public int clients() {
        return clients.lobby().size();
    }

    /** How many connections the loop holds, as of its last turn (arriving, chatting or leaving). */
    public int connections() {
        return loopThread.connectionCount();
    }

    /** Bytes waiting in every client's outbox, as of the loop's last turn: what slow readers cost. */
    public long queuedBytes() {
        return loopThread.queuedBytes();
    }

    /** Turns of the loop so far: still while everyone is idle, thousands a second if it spins. */
    public long turns() {
        return loop.turns();
    }
}
