package sockets.step4;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import sockets.step4.threads.Connections;
import sockets.step4.threads.ThreadPerClient;

/**
 * The chat server: accepts clients on a {@link SimpleServerSocket}, gives each a virtual thread
 * that runs its {@link Session}, pairs them in a {@link Lobby}, speaks to every client for
 * the operator (who does the rest through {@link #controls()}), and shuts down gracefully, telling
 * every client first.
 */
public final class ChatServer implements AutoCloseable {

    /**
     * What {@code chat server} is started with. {@code idleTimeoutMillis}: a client silent that
     * long is disconnected (0: never). {@code stallMillis}: a client that reads none of the lines
     * waiting for it for that long is disconnected. {@code keepAlive}: how TCP keepalive probes
     * each client's connection.
     */
    public record Settings(String bind, int port, int maxLineBytes, int maxClients, int idleTimeoutMillis,
            int stallMillis, KeepAliveProbes keepAlive) {
        public Settings(String bind, int port, int maxLineBytes, int maxClients, int idleTimeoutMillis,
                int stallMillis) {
            this(bind, port, maxLineBytes, maxClients, idleTimeoutMillis, stallMillis, KeepAliveProbes.DEFAULT);
        }

        public Settings(String bind, int port, int maxLineBytes, int maxClients) {
            this(bind, port, maxLineBytes, maxClients, 0, DEFAULT_STALL_MILLIS);
        }

        public static Settings onLoopback() {
            return new Settings("127.0.0.1", 0, 4096, 1000);
        }
    }

    static final int DEFAULT_STALL_MILLIS = 15_000;
    /** How long a shutdown waits for the clients to close their side after the notice. */
    static final int SHUTDOWN_MILLIS = 2_000;

    private final SimpleServerSocket listener;
    private final Settings settings;
    private final SSLContext tls;
    private final int handshakeMillis;
    private final PrintStream log;
    private final Lobby lobby = new Lobby();
    private final Connections<Session> sessions;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Thread acceptor;

    private ChatServer(SimpleServerSocket listener, Settings settings, SSLContext tls, int handshakeMillis, PrintStream log) {
        this.listener = listener;
        this.settings = settings;
        this.tls = tls;
        this.handshakeMillis = handshakeMillis;
        this.log = log;
        this.sessions = new Connections<>(settings.maxClients());
    }

    /** Binds, listens and starts accepting; {@code log} gets one line per arrival and departure. */
    public static ChatServer start(Settings settings, PrintStream log) throws IOException {
        return start(settings, null, log);
    }

    /** The same, every client inside TLS with {@code tls}'s certificate ({@link TlsWrapper}); null: plain TCP. */
    public static ChatServer start(Settings settings, SSLContext tls, PrintStream log) throws IOException {
        return start(settings, tls, TlsWrapper.HANDSHAKE_MILLIS, log);
    }

    static ChatServer start(Settings settings, SSLContext tls, int handshakeMillis, PrintStream log) throws IOException {
        var listener = SimpleServerSocket.listen(settings.bind(), settings.port(), settings.maxLineBytes());
        ChatServer server = new ChatServer(listener, settings, tls, handshakeMillis, log);
        // One thread accepts; every client gets a virtual thread of its own (exercise 4.1's loop).
        Thread.Builder perClient = Thread.ofVirtual().name("client-", 1);
        server.acceptor = Thread.ofPlatform().name("acceptor").daemon()
                .start(() -> ThreadPerClient.serve(listener::accept, perClient, server::serve));
        return server;
    }

    /** One client's thread: keepalive, its TLS handshake, a place among the sessions, then the chat; beyond the limit, a refusal. */
    private void serve(SimpleSocket client) throws IOException {
        KeepAliveProbes probes = settings.keepAlive();
        client.keepAlive(probes.idle(), probes.interval(), probes.probes());
        // What the kernel may hold for this client, bounded like its outbox (README 3.7). Left to
        // grow (to 4 MB on Linux), 500 clients that never read had the server encode 1 GB for them:
        // seconds of work in which other clients waited, since a virtual thread runs until it blocks.
        client.sendBuffer(Outbox.MAX_BYTES);
        if (tls != null) {
            try {
                client = TlsWrapper.accept(client, tls, handshakeMillis);
            } catch (IOException e) {
                log.println("! " + e.getMessage()); // Not a chat client, or not one that trusts us: nobody else is told.
                return;
            }
        }
        Session session = new Session(client, lobby, log, settings.stallMillis());
        if (!sessions.tryAdd(session)) {
            session.refuse(stopping.get() ? Session.SHUTTING_DOWN : "! server is full - try again later");
            return;
        }
        try {
            session.run(settings.idleTimeoutMillis());
        } finally {
            sessions.remove(session);
        }
    }

    /** {@code ADDR:PORT} the server listens on. */
    public String address() {
        return listener.localAddress();
    }

    public int port() {
        return listener.localPort();
    }

    /** What the operator's console may do to this server: who, message, kick, broadcast, shutdown. */
    public ChatControls controls() {
        return new ChatServerControls(this, lobby, sessions);
    }

    /** The operator's line: to every client as {@code <server> TEXT}; returns how many got it. */
    public int broadcast(String text) {
        // tag::solution-4.8[]
        String line = "<server> " + HarmlessText.clean(text);
        var everyone = lobby.everyone();
        for (Member member : everyone) {
            member.mailbox.tell(line); // A notice: never waits for a slow client.
        }
        return everyone.size();
        // end::solution-4.8[]
    }

    /**
     * Graceful shutdown: stop accepting, pair nobody from now on, tell every client, let each
     * close its side (at most {@link #SHUTDOWN_MILLIS}), close what is left. False if another
     * call did it already (this one then waits for it to end).
     */
    public boolean shutdown() {
        // tag::solution-4.8[]
        // tag::shutdown[]
        if (!stopAccepting()) {
            awaitStopped(SHUTDOWN_MILLIS * 2);
            return false;
        }
        lobby.close(); // Nobody is paired, or told anyone joined, from now on.
        for (Session session : sessions.close()) {
            session.shutdown(); // The notice, then end of stream.
        }
        try {
            sessions.awaitEmpty(SHUTDOWN_MILLIS); // Each client closes in turn.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // Asked to hurry: close now.
        }
        for (Session late : sessions.snapshot()) {
            late.closeNow();
        }
        stopped.countDown();
        return true;
        // end::shutdown[]
        // end::solution-4.8[]
    }

    /** Closes at once: no notices, no waiting (the tests' clean-up). Does nothing after a shutdown. */
    @Override
    public void close() {
        if (stopAccepting()) {
            lobby.close();
            for (Session session : sessions.close()) {
                session.closeNow();
            }
            stopped.countDown();
        }
    }

    /**
     * Stops accepting; false if that was done already. Waits for the acceptor thread: closing a
     * listener does not wake a thread blocked in accept() at once, and until it wakes the kernel
     * still completes new connections - a client could be accepted half-way after we return.
     */
    private boolean stopAccepting() {
        if (!stopping.compareAndSet(false, true)) {
            return false;
        }
        listener.close();
        try {
            acceptor.join(SHUTDOWN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // Asked to hurry: go on stopping.
        }
        return true;
    }

    /** Waits up to {@code millis} for a shutdown to end; true if it did. */
    public boolean awaitStopped(long millis) {
        try {
            return stopped.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** How many clients are in the lobby now. */
    public int clients() {
        return lobby.size();
    }

    /** How many clients have a session now (in the lobby, arriving or leaving). */
    public int connections() {
        return sessions.count();
    }

    /** Bytes waiting in every client's outbox now: what slow readers cost the server. */
    public long queuedBytes() {
        long total = 0;
        for (Session session : sessions.snapshot()) {
            total += session.waitingBytes();
        }
        return total;
    }
}
