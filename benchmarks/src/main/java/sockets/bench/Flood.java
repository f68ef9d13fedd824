package sockets.bench;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A writes lines as fast as the relay takes them while B reads and counts them, each on its own
 * thread. Anything unexpected - a notice instead of a message, a closed connection - is kept as
 * {@link #problem()}: a relay that drops a fast client must show up in the report.
 */
final class Flood implements AutoCloseable {
    private static final int LINES_PER_WRITE = 1024;
    private final Pair pair;
    private final byte expectedFirstByte;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Thread writer;
    private final Thread reader;
    private volatile boolean stopping;
    private volatile String problem;
    private final long startNanos = System.nanoTime();
    private final CountDownLatch problemReported = new CountDownLatch(1);

    private Flood(Pair pair, byte expectedFirstByte) {
        this.pair = pair;
        this.expectedFirstByte = expectedFirstByte;
        this.writer = new Thread(this::write, "flood writer");
        this.reader = new Thread(this::read, "flood reader");
    }

    static Flood start(Relay relay, Pair pair) {
        byte[] line = RoundTrip.line("flood");
        Flood flood = new Flood(pair, relay.firstByteAtReceiver(line));
        flood.reader.start();
        flood.writer.start();
        return flood;
    }

    /** Lines B has received so far. */
    long received() {
        return received.get();
    }

    /** What went wrong while flooding, or null. */
    String problem() {
        return problem;
    }

    private void write() {
        byte[] line = RoundTrip.line("flood");
        // Many lines per write call, so the client's own system calls are not what we measure.
        byte[] block = new byte[line.length * LINES_PER_WRITE];
        for (int i = 0; i < LINES_PER_WRITE; i++) {
            System.arraycopy(line, 0, block, i * line.length, line.length);
        }
        try {
            while (!stopping) {
                pair.outA.write(block);
                written.addAndGet(LINES_PER_WRITE);
            } // stopping: the measurement window is over
        } catch (IOException e) {
            report("A's writes failed after " + written.get() + " lines: " + e.getMessage());
        }
    }

    private void read() {
        byte[] buffer = new byte[64 * 1024];
        boolean atLineStart = true;
        try {
            while (!stopping) {
                int n = pair.inB.read(buffer);
                if (n < 0) {
                    report("B's connection was closed by the relay after " + received.get() + " lines");
                    return; // the relay hung up on B
                }
                long lines = 0;
                for (int i = 0; i < n; i++) {
                    if (atLineStart && buffer[i] != expectedFirstByte) {
                        report("B received an unexpected line after " + received.get() + " lines: "
                                + snippet(buffer, i, n));
                    }
                    atLineStart = buffer[i] == '\n';
                    if (atLineStart) {
                        lines++;
                    }
                }
                received.addAndGet(lines);
            } // stopping: the measurement window is over
        } catch (SocketTimeoutException e) {
            report("B received nothing for " + Pair.TIMEOUT_MILLIS + " ms after " + received.get() + " lines");
        } catch (IOException e) {
            report("B's reads failed after " + received.get() + " lines: " + e.getMessage());
        }
    }

    /** Waits at most {@code millis} for a problem; the problem, or null if none came. */
    String awaitProblem(long millis) throws InterruptedException {
        problemReported.await(millis, TimeUnit.MILLISECONDS);
        return problem;
    }

    private synchronized void report(String what) {
        if (!stopping && problem == null) {
            // When it happened tells "dropped at once" from "dropped after a long run".
            problem = String.format(Locale.ROOT, "%s (%.2f s into the flood)", what, (System.nanoTime() - startNanos) / 1e9);
            problemReported.countDown();
        }
    }

    private static String snippet(byte[] buffer, int from, int to) {
        int end = from;
        while (end < to && end - from < 100 && buffer[end] != '\n') {
            end++;
        }
        return "'" + new String(buffer, from, end - from, StandardCharsets.UTF_8) + "'";
    }

    /** Stops both threads: closing the sockets unblocks a write stuck on a full relay. */
    @Override
    public void close() throws InterruptedException {
        stopping = true;
        pair.close();
        writer.join(Pair.TIMEOUT_MILLIS);
        reader.join(Pair.TIMEOUT_MILLIS);
    }
}
