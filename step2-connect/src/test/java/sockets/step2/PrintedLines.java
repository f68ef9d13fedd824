package sockets.step2;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** What a main prints, line by line, for a test to wait on while the main still runs. */
final class PrintedLines extends OutputStream {

    private final BlockingQueue<String> unread = new LinkedBlockingQueue<>();
    private final List<String> all = new ArrayList<>();
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();
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

    /** Every complete line printed so far. */
    synchronized List<String> lines() {
        return List.copyOf(all);
    }

    /** Waits up to the deadline for a line that matches; fails naming {@code what}. */
    String await(Predicate<String> matches, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Loopback.DEADLINE_MS);
        while (true) {
            String line = unread.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
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
