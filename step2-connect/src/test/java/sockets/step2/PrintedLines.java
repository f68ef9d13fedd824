package sockets.step2;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import sockets.testing.UnfinishedExercises;

/** What a main prints, line by line, for a test to wait on while the main still runs. */
final class PrintedLines extends OutputStream {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private final BlockingQueue<String> unread = new LinkedBlockingQueue<>();
    private final List<String> all = new ArrayList<>();
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();
    private volatile Future<Integer> printer;
    final PrintStream stream = new PrintStream(this, true, StandardCharsets.UTF_8);

    @Override
    public synchronized void write(int b) {
        if (b != '\n') {
            current.write(b);
            return;
        }
        String line = current.toString(StandardCharsets.UTF_8);
        current.reset();
        all.add(line);
        unread.add(line);
    }

    /** The main that prints here, running in the background: a wait ends when it has ended. */
    void printedBy(Future<Integer> main) {
        printer = main;
    }

    private String outcome() {
        return switch (printer.state()) {
            case SUCCESS -> "it returned " + printer.resultNow();
            case FAILED -> "it threw " + printer.exceptionNow();
            default -> "it was cancelled";
        };
    }

    /** Every complete line printed so far. */
    synchronized List<String> lines() {
        return List.copyOf(all);
    }

    /** Waits up to the deadline for a line that matches; fails naming {@code what}. */
    String await(Predicate<String> matches, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Loopback.DEADLINE_MS);
        while (true) {
            UnfinishedExercises.failIfHit();
            // A short wait at a time: a main that stopped at a stub on another thread fails us now.
            String line = unread.poll(Math.min(POLL_NANOS, Math.max(0, end - System.nanoTime())), TimeUnit.NANOSECONDS);
            if (line == null && printer != null && printer.isDone() && unread.isEmpty()) {
                throw new AssertionError("the main ended without printing " + what + ": " + outcome());
            }
            if (line == null && System.nanoTime() < end) {
                continue;
            }
            if (line == null) {
                throw new AssertionError("expected " + what + " within " + Loopback.DEADLINE_MS
                        + " ms; printed so far: " + lines());
            }
            if (matches.test(line)) {
                return line;
            }
        }
    }
}
