package sockets.step5;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that runs the {@link EventLoop}: after each turn it writes what the turn queued and
 * publishes the figures other threads may read (they must not touch the loop's objects); when the
 * loop ends, however it ends, it closes every connection, the listener and the selector.
 */
final class LoopThread {

    private final EventLoop loop;
    private final Clients clients;
    private final Acceptor acceptor;
    private final CountDownLatch stopped = new CountDownLatch(1);
    // What the loop's thread publishes for the others at the end of each turn.
    private volatile int connectionCount;
    private volatile long queuedBytes;
    private volatile String failure;
    private Thread thread;

    /** {@code loop} must call {@link #afterEvents} after each turn's events. */
    LoopThread(EventLoop loop, Clients clients, Acceptor acceptor) {
        this.loop = loop;
        this.clients = clients;
        this.acceptor = acceptor;
    }

    void start() {
        thread = Thread.ofPlatform().name("selector").start(this::run);
    }

    /** Runs the loop, then closes whatever is left. */
    private void run() {
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
    void afterEvents() {
        clients.writeTouched();
        connectionCount = clients.count();
        queuedBytes = clients.queuedBytes();
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

    /** Ends the loop and waits for the thread, at most {@code millis}. */
    void stop(long millis) {
        loop.stop();
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // asked to hurry: the loop's thread ends by itself
        }
    }

    /** Waits up to {@code millis} for the loop to end; true if it did. */
    boolean awaitStopped(long millis) {
        try {
            return stopped.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Why the loop ended without a shutdown (a bug), or null. */
    String failure() {
        return failure;
    }

    int connectionCount() {
        return connectionCount;
    }

    long queuedBytes() {
        return queuedBytes;
    }
}
