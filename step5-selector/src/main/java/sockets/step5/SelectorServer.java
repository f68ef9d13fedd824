package sockets.step5;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import sockets.step1.Endpoints;
import sockets.step2.Failures;
import sockets.step4.ChatControls;
import sockets.step4.ChatServer;
import sockets.step4.HarmlessText;
import sockets.step4.Member;

/**
 * Step 4's chat on one thread: an {@link EventLoop} accepts every client ({@link Acceptor}), reads
 * and writes every connection without ever waiting ({@link Connection}), and pairs them in step
 * 4's lobby. Same protocol, same command line, same promises; step 4's operator console drives it
 * through {@link ChatControls}. Every public method may be called from any thread: other threads
 * act on the connections only through {@link EventLoop#submit}.
 */
public final class SelectorServer implements ChatControls, AutoCloseable {

    static final String SHUTTING_DOWN = "* server is shutting down";
    /** How long a leaving client gets to read its last lines and close its side. */
    static final int GOODBYE_MILLIS = 2_000;
    /** How long a shutdown waits for the clients to close their side after the notice. */
    static final int SHUTDOWN_MILLIS = 2_000;
    /** Connections the kernel may hold before we accept them: a burst of arrivals is not refused. */
    private static final int BACKLOG = 1024;

    private final ChatServer.Settings settings;
    private final PrintStream log;
    private final String address;
    private final int port;
    private final EventLoop loop;
    private final Clients clients;
    private final Acceptor acceptor;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    // What the loop's thread publishes for the others at the end of each turn.
    private volatile int connectionCount;
    private volatile long queuedBytes;
    private volatile String failure;
    private Thread thread;

    private SelectorServer(ChatServer.Settings settings, PrintStream log, ServerSocketChannel listener)
            throws IOException {
        this.settings = settings;
        this.log = log;
        InetSocketAddress bound = (InetSocketAddress) listener.getLocalAddress();
        this.address = Endpoints.show(bound);
        this.port = bound.getPort();
        this.loop = new EventLoop(this::afterEvents);
        this.clients = new Clients(settings, log, loop);
        this.acceptor = new Acceptor(listener, clients);
        acceptor.register();
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
        server.thread = Thread.ofPlatform().name("selector").start(server::runLoop);
        return server;
    }

    /** The loop's thread: runs the loop, then closes whatever is left. */
    private void runLoop() {
        try {
            loop.run();
        } catch (IOException e) {
            failure = "the selector failed: " + e.getMessage();
        } catch (RuntimeException | Error e) {
            failure = e.toString();
            // A bug: reported as any thread's uncaught exception is - before the connections close,
            // so that whoever waits on one of them learns why.
            Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), e);
        } finally {
            closeEverything();
            stopped.countDown();
        }
    }

    /** After each turn's events: write what they queued, then publish the figures other threads read. */
    private void afterEvents() {
        clients.writeTouched();
        connectionCount = clients.count();
        queuedBytes = clients.queuedBytes();
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
        String line = "<server> " + HarmlessText.clean(text);
        CompletableFuture<Boolean> told = new CompletableFuture<>();
        loop.submit(() -> {
            Member member = clients.lobby().find(name);
            if (member != null) {
                member.mailbox().tell(line); // a notice: never waits for a slow client
            }
            told.complete(member != null);
        });
        return whenDone(told, false);
    }

    /**
     * Disconnects the client called {@code name}: its partner is told {@code * NAME left (kicked
     * by the operator)}, the client gets {@code * kicked by the operator[: REASON]}, then its
     * goodbye. False if nobody has that name.
     */
    @Override
    public boolean kick(String name, String reason) {
        CompletableFuture<Boolean> kicked = new CompletableFuture<>();
        loop.submit(() -> {
            Member member = clients.lobby().find(name);
            if (member != null) {
                Connection.of(member).kick(reason);
            }
            kicked.complete(member != null);
        });
        return whenDone(kicked, false);
    }

    /** The operator's line: to every client as {@code <server> TEXT}; returns how many got it. */
    @Override
    public int broadcast(String text) {
        String line = "<server> " + HarmlessText.clean(text);
        CompletableFuture<Integer> told = new CompletableFuture<>();
        loop.submit(() -> {
            List<Member> everyone = clients.lobby().everyone();
            for (Member member : everyone) {
                member.mailbox().tell(line); // a notice: never waits for a slow client
            }
            told.complete(everyone.size());
        });
        return whenDone(told, 0);
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

    /** Why the loop ended without a shutdown (a bug), or null. */
    public String failure() {
        return failure;
    }

    /** How many clients are in the lobby now. */
    public int clients() {
        return clients.lobby().size();
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

    /** The loop ended: every connection and the listener closed, the selector too. */
    private void closeEverything() {
        acceptor.close();
        List<SelectionKey> keys = new ArrayList<>(loop.keys());
        for (SelectionKey key : keys) {
            if (key.attachment() instanceof Connection connection) {
                connection.close();
            }
        }
        loop.close();
        connectionCount = 0;
        queuedBytes = 0;
    }

    /** The result of a task run on the loop's thread; {@code ifStopped} when the loop has ended. */
    private <T> T whenDone(CompletableFuture<T> result, T ifStopped) {
        try {
            return result.get(SHUTDOWN_MILLIS * 2L, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ifStopped;
        } catch (ExecutionException | TimeoutException e) {
            return ifStopped; // the loop has stopped: nobody is there to tell
        }
    }
}
