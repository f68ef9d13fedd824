package sockets.step4;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import sockets.step3.framing.LineReader;
import sockets.step3.framing.LineTooLongException;

/**
 * The chat server: accepts clients on a {@link SimpleSocket}, gives each a {@link Session} on a
 * virtual thread, pairs them in a {@link Lobby}, lets the operator speak to everyone, and shuts
 * down gracefully, telling every client first.
 */
public final class ChatServer implements AutoCloseable {

    /**
     * What {@code chat server} is started with. {@code idleTimeoutMillis}: a client silent that
     * long is disconnected (0: never). {@code stallMillis}: a client that has lines waiting and
     * reads none of them for that long is disconnected.
     */
    public record Settings(String bind, int port, int maxLineBytes, int maxClients, int idleTimeoutMillis,
            int stallMillis) {
        public Settings(String bind, int port, int maxLineBytes, int maxClients) {
            this(bind, port, maxLineBytes, maxClients, 0, DEFAULT_STALL_MILLIS);
        }

        public static Settings onLoopback() {
            return new Settings("127.0.0.1", 0, 4096, 1000);
        }
    }

    static final int DEFAULT_STALL_MILLIS = 15_000;
    /** What one client may have queued and unread: enough for a burst, bounded for a reader that never reads. */
    static final int OUTBOX_BYTES = 256 * 1024;
    private static final long SHUTDOWN_MILLIS = 2_000;

    private final SimpleSocket listener;
    private final Settings settings;
    private final Lobby lobby;
    private final PrintStream log;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicInteger connections = new AtomicInteger();
    private Thread acceptor;
    private Thread watchdog;

    private ChatServer(SimpleSocket listener, Settings settings, PrintStream log) {
        this.listener = listener;
        this.settings = settings;
        this.lobby = new Lobby(settings.maxClients());
        this.log = log;
    }

    /** Binds, listens and starts accepting; {@code log} gets one line per arrival and departure. */
    public static ChatServer start(Settings settings, PrintStream log) throws IOException {
        ChatServer server = new ChatServer(SimpleSocket.listen(settings.bind(), settings.port()), settings, log);
        server.acceptor = Thread.ofPlatform().name("acceptor").daemon().start(server::acceptLoop);
        server.watchdog = Thread.ofVirtual().name("watchdog").start(server::dropStalledClients);
        return server;
    }

    /** {@code ADDR:PORT} the server listens on. */
    public String address() {
        return listener.localAddress();
    }

    public int port() {
        return listener.localPort();
    }

    private void acceptLoop() {
        // tag::solution-4.3[]
        while (true) {
            SimpleSocket client;
            try {
                client = listener.accept(settings.maxLineBytes());
            } catch (IOException e) {
                return; // The listening socket was closed: we are shutting down.
            }
            connections.incrementAndGet();
            Outbox outbox = new Outbox(client, OUTBOX_BYTES);
            Member member = stopping.get() ? null : lobby.join(outbox);
            if (member == null) {
                outbox.tell(stopping.get() ? "* server is shutting down" : "! server is full - try again later");
                Thread.ofVirtual().start(() -> {
                    outbox.finish(SHUTDOWN_MILLIS);
                    connections.decrementAndGet();
                });
                continue;
            }
            log.println("+ " + member.name + " from " + client.remoteAddress());
            Session session = new Session(client, lobby, member, log, settings.idleTimeoutMillis());
            Thread.ofVirtual().name("session-" + member.name).start(() -> {
                session.run();
                connections.decrementAndGet();
            });
        }
        // end::solution-4.3[]
    }

    /** Every quarter of the stall time, disconnects the clients whose outbox made no progress. */
    private void dropStalledClients() {
        // tag::solution-4.8[]
        long stallNanos = settings.stallMillis() * 1_000_000L;
        while (!stopping.get()) {
            try {
                Thread.sleep(Math.max(10, settings.stallMillis() / 4));
            } catch (InterruptedException e) {
                return; // Asked to stop.
            }
            for (Member member : lobby.everyone()) {
                // Closing its socket ends its session, which tells the partner why.
                member.outbox.dropIfStalled(stallNanos);
            }
        }
        // Shutting down: finish() bounds every outbox's last writes by itself.
        // end::solution-4.8[]
    }

    /** The operator's line: to every client as {@code <server> TEXT}. */
    public void broadcast(String text) {
        // tag::solution-4.5[]
        String line = "<server> " + HarmlessText.clean(text);
        for (Member member : lobby.everyone()) {
            member.tell(line);
        }
        // end::solution-4.5[]
    }

    /**
     * The operator's console: each line goes to everyone, {@code /quit} shuts the server down.
     * End of input just ends the console (a server started in the background keeps serving).
     */
    public void console(InputStream in) throws IOException {
        LineReader console = new LineReader(in, settings.maxLineBytes());
        while (!stopping.get()) {
            String line;
            try {
                line = console.readLine();
            } catch (LineTooLongException e) {
                log.println("! line too long (more than " + e.limit() + " bytes) - not sent");
                continue;
            }
            if (line == null) {
                return; // End of the console's input: keep serving without an operator.
            }
            if (line.strip().equals("/quit")) {
                shutdown();
                return; // The operator stopped the server.
            }
            if (!line.isBlank()) {
                broadcast(line);
            }
        }
    }

    /**
     * Graceful shutdown: stop accepting, tell every client, send what is queued, close every
     * socket. Returns false if another call already did it.
     */
    public boolean shutdown() {
        // tag::solution-4.5[]
        if (!stopping.compareAndSet(false, true)) {
            awaitStopped(SHUTDOWN_MILLIS * 2);
            return false;
        }
        listener.close();
        // A thread blocked in accept() holds the listening socket open until it wakes up: wait
        // for it, so that once shutdown() returns a new client is refused, never half accepted.
        awaitEnd(acceptor, SHUTDOWN_MILLIS);
        watchdog.interrupt();
        var members = lobby.everyone();
        for (Member member : members) {
            member.tell("* server is shutting down");
        }
        // Each outbox sends its last lines and closes its socket, all at once; that ends each session.
        var finishing = new ArrayList<Thread>();
        for (Member member : members) {
            finishing.add(Thread.ofVirtual().start(() -> member.outbox.finish(SHUTDOWN_MILLIS)));
        }
        for (Thread thread : finishing) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break; // Asked to stop waiting: the sockets close with the process.
            }
        }
        stopped.countDown();
        return true;
        // end::solution-4.5[]
    }

    private static void awaitEnd(Thread thread, long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // Asked to stop waiting: go on shutting down.
        }
    }

    /** Waits up to {@code millis} for {@link #shutdown()} to finish; true if it did. */
    public boolean awaitStopped(long millis) {
        try {
            return stopped.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** How many clients are connected now. */
    public int clients() {
        return lobby.size();
    }

    /** Bytes held in every client's outbox now: what slow readers cost the server. */
    public long queuedBytes() {
        long total = 0;
        for (Member member : lobby.everyone()) {
            total += member.outbox.heldBytes();
        }
        return total;
    }

    /** How many accepted connections are not closed and done with yet (clients, and refused ones on their way out). */
    public int connections() {
        return connections.get();
    }

    @Override
    public void close() {
        shutdown();
    }
}
