package sockets.step4.threads;

import java.io.Closeable;
import java.io.IOException;

/**
 * A server's accept loop with one thread per client: while a client's thread waits for that
 * client, the loop is back in {@code accept()} for the next one. Step 3's servers serve one
 * client after another; this is the change that lets them serve many at once. The same loop runs
 * on platform or virtual threads: the caller passes the {@link Thread.Builder}.
 */
public final class ThreadPerClient {

    /** Waits for the next client: {@code ServerSocket::accept}, say. Throws once the listener is closed. */
    @FunctionalInterface
    public interface Acceptor<C> {
        C accept() throws IOException;
    }

    /** Talks to one client, on that client's own thread. */
    @FunctionalInterface
    public interface Handler<C> {
        void serve(C client) throws IOException;
    }

    private ThreadPerClient() {}

    /**
     * Accepts clients until {@code acceptor} throws (its listening socket was closed) and serves
     * each on a new thread from {@code threads}; that thread closes its client when
     * {@code handler} returns or fails. Never waits for a client's thread.
     */
    public static <C extends Closeable> void serve(Acceptor<C> acceptor, Thread.Builder threads,
            Handler<C> handler) {
        // tag::solution-4.1[]
        // tag::accept-loop[]
        while (true) {
            C client;
            try {
                client = acceptor.accept();
            } catch (IOException e) {
                return; // The listening socket was closed.
            }
            // Start, never join: the loop goes back to accept().
            threads.start(() -> serveAndClose(client, handler));
        }
        // end::accept-loop[]
        // end::solution-4.1[]
    }

    /** One client's thread: serves it, then closes it, whatever happened. */
    private static <C extends Closeable> void serveAndClose(C client, Handler<C> handler) {
        // tag::solution-4.1[]
        // tag::client-thread[]
        try (client) {
            handler.serve(client);
        } catch (IOException e) {
            // This client's connection broke: its thread ends here,
            // and every other client goes on.
        }
        // end::client-thread[]
        // end::solution-4.1[]
    }
}
