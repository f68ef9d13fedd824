package sockets.step4;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import sockets.step4.threads.Connections;

/**
 * The chat server: its clients arrive on a {@link SimpleServerSocket} ({@link Arrivals}), each
 * with a virtual thread that runs its {@link Session}; the {@link Lobby} pairs them. It speaks to
 * every client for the operator (who does the rest through {@link #controls()}), and shuts down
 * gracefully, telling every client first.
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

    private final Arrivals arrivals;
    private final Settings settings;
    private final PrintStream log;
    private final Lobby lobby = new Lobby();
    private final Connections<Session> sessions;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private ChatServer(Arrivals arrivals, Settings settings, PrintStream log) {
        this.arrivals = arrivals;
        this.settings = settings;
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
        var arrivals = new Arrivals(listener, settings.keepAlive(), tls, handshakeMillis, log);
        ChatServer server = new ChatServer(arrivals, settings, log);
        arrivals.start(server::serve);
        return server;
    }

    /** One client's thread, once it has arrived: a place among the sessions, then the chat; beyond the limit, a refusal. */
    private void serve(SimpleSocket client) {
        Session session = new Session(client, lobby, log, settings.stallMillis());
        if (!sessions.tryAdd(session)) {
            session.refuse(arrivals.stopped() ? Session.SHUTTING_DOWN : "! server is full - try again later");
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
        return arrivals.address();
    }

    public int port() {
        return arrivals.port();
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
        if (!arrivals.stop()) {
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
        if (arrivals.stop()) {
            lobby.close();
            for (Session session : sessions.close()) {
                session.closeNow();
            }
            stopped.countDown();
        }
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
