package sockets.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.HdrHistogram.Histogram;

/**
 * Round trips A -> relay -> B -> relay -> A, one at a time, from a single thread: A writes a line,
 * B reads it and writes one back, A reads that. No client-side thread hand-off adds to the time.
 */
final class RoundTrip {
    /** Bytes per line on the wire, LF included (the chat adds {@code <NAME> } at the receiver). */
    static final int LINE_BYTES = 64;
    private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(60);

    private RoundTrip() {
    }

    /** A {@link #LINE_BYTES}-byte line: the word, then filler, then LF. */
    static byte[] line(String word) {
        StringBuilder text = new StringBuilder(word).append(' ');
        while (text.length() < LINE_BYTES - 1) {
            text.append((char) ('a' + text.length() % 26));
        }
        text.setLength(LINE_BYTES - 1);
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** {@code warmups} unrecorded round trips, then up to {@code count} recorded ones within {@code limitMillis}. */
    static Histogram measure(Pair pair, int warmups, int count, long limitMillis) throws IOException {
        return measure(pair, warmups, count, limitMillis, 0, () -> true);
    }

    /**
     * The general form: also stops as soon as {@code keepGoing} turns false, and rests
     * {@code pauseNanos} between round trips (a live room that chats, rather than one that floods).
     */
    static Histogram measure(Pair pair, int warmups, int count, long limitMillis, long pauseNanos,
                             BooleanSupplier keepGoing) throws IOException {
        byte[] ping = line("ping");
        byte[] pong = line("pong");
        Histogram nanos = new Histogram(HIGHEST_NANOS, 3);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limitMillis);
        for (long i = 0; i < (long) warmups + count; i++) {
            if (System.nanoTime() - deadline > 0 || !keepGoing.getAsBoolean()) {
                break; // time is up (or the caller is done): report what we have
            }
            long start = System.nanoTime();
            pair.outA.write(ping);
            if (!pair.inB.skipLine()) {
                throw new IOException("B's connection was closed during the round trips");
            }
            pair.outB.write(pong);
            if (!pair.inA.skipLine()) {
                throw new IOException("A's connection was closed during the round trips");
            }
            if (i >= warmups) {
                nanos.recordValue(Math.min(System.nanoTime() - start, HIGHEST_NANOS));
            }
            if (pauseNanos > 0) {
                LockSupport.parkNanos(pauseNanos);
            }
        }
        return nanos;
    }
}
