package sockets.step4.tls;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closes a connection when its time is up, unless cancelled first. A TLS handshake is many reads
 * and writes inside the JDK: a timeout per read would let a peer that trickles a byte now and then
 * keep us for ever, so one deadline closes the TCP connection under it all (as Netty's
 * {@code SslHandler} does).
 */
public final class Deadline {

    /** One daemon thread for every deadline of the process; a cancelled deadline leaves nothing behind. */
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final AtomicBoolean passed = new AtomicBoolean();
    private final ScheduledFuture<?> closing;

    private Deadline(Closeable connection, int millis) {
        closing = TIMER.schedule(() -> {
            passed.set(true);
            try {
                connection.close(); // Wakes the thread blocked in the handshake: it fails at once.
            } catch (IOException e) {
                // Closed all the same.
            }
        }, millis, TimeUnit.MILLISECONDS);
    }

    /** Closes {@code connection} in {@code millis} unless {@link #cancel()} comes first. */
    public static Deadline closing(Closeable connection, int millis) {
        return new Deadline(connection, millis);
    }

    /** True once the time was up and the connection closed. */
    public boolean passed() {
        return passed.get();
    }

    /** Done in time: the connection stays open. */
    public void cancel() {
        closing.cancel(false);
    }

    private static ScheduledThreadPoolExecutor timer() {
        var timer = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("deadlines").daemon().factory());
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
