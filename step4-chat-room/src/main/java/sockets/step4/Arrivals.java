package sockets.step4;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import sockets.step4.threads.ThreadPerClient;

/**
 * Where the {@link ChatServer}'s clients arrive: one thread accepts them on the listening socket,
 * each gets a virtual thread of its own (exercise 4.1's {@link ThreadPerClient}) that turns TCP
 * keepalive on, bounds its send buffer, runs the TLS handshake when the server speaks TLS, and
 * hands the client on. Stopped once, for good.
 */
final class Arrivals {

    private final SimpleServerSocket listener;
    private final KeepAliveProbes keepAlive;
    private final SSLContext tls;
    private final int handshakeMillis;
    private final PrintStream log;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private Thread acceptor;

    /** {@code tls}: null for plain TCP; {@code log} gets a line for each failed TLS handshake. */
    Arrivals(SimpleServerSocket listener, KeepAliveProbes keepAlive, SSLContext tls, int handshakeMillis,
            PrintStream log) {
        this.listener = listener;
        this.keepAlive = keepAlive;
        this.tls = tls;
        this.handshakeMillis = handshakeMillis;
        this.log = log;
    }

    /** Starts accepting; {@code chat} is then called on each client's own thread. */
    void start(ThreadPerClient.Handler<SimpleSocket> chat) {
        // One thread accepts; every client gets a virtual thread of its own (exercise 4.1's loop).
        Thread.Builder perClient = Thread.ofVirtual().name("client-", 1);
        acceptor = Thread.ofPlatform().name("acceptor").daemon()
                .start(() -> ThreadPerClient.serve(listener::accept, perClient, client -> arrive(client, chat)));
    }

    /** One client's thread: keepalive, a bounded send buffer, its TLS handshake, then the chat. */
    private void arrive(SimpleSocket client, ThreadPerClient.Handler<SimpleSocket> chat) throws IOException {
        TcpOptions.keepAlive(client, keepAlive);
        // What the kernel may hold for this client, bounded like its outbox (README 3.7). Left to
        // grow (to 4 MB on Linux), 500 clients that never read had the server encode 1 GB for them:
        // seconds of work in which other clients waited, since a virtual thread runs until it blocks.
        TcpOptions.sendBuffer(client, Outbox.MAX_BYTES);
        if (tls != null) {
            try {
                client = TlsWrapper.accept(client, tls, handshakeMillis);
            } catch (IOException e) {
                log.println("! " + e.getMessage()); // Not a chat client, or not one that trusts us: nobody else is told.
                return;
            }
        }
        chat.serve(client);
    }

    /**
     * Stops accepting; false if that was done already. Waits for the acceptor thread: closing a
     * listener does not wake a thread blocked in accept() at once, and until it wakes the kernel
     * still completes new connections - a client could be accepted half-way after we return.
     */
    boolean stop() {
        if (!stopped.compareAndSet(false, true)) {
            return false;
        }
        listener.close();
        try {
            acceptor.join(ChatServer.SHUTDOWN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // Asked to hurry: go on stopping.
        }
        return true;
    }

    /** True once {@link #stop()} was called. */
    boolean stopped() {
        return stopped.get();
    }

    /** {@code ADDR:PORT} the server listens on. */
    String address() {
        return listener.localAddress();
    }

    int port() {
        return listener.localPort();
    }
}
