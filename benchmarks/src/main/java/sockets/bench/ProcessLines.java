package sockets.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Reads a child process's output on a daemon thread, so waiting for a line has a deadline and the
 * pipe never fills up and stalls the child. Every line also goes to a log.
 */
final class ProcessLines {
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    ProcessLines(InputStream output, PrintStream log, String prefix) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    log.println(prefix + line);
                    lines.add(line);
                } // the child closed its output: it has exited
            } catch (IOException ignored) {
                // The child was killed while we read: nothing more will come.
            }
        }, "output of " + prefix.trim());
        reader.setDaemon(true);
        reader.start();
    }

    /** The first line (from now) that matches, or null when none came within the deadline. */
    String await(Predicate<String> wanted, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            long left = deadline - System.nanoTime();
            String line = lines.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (line == null) {
                return null; // deadline passed
            }
            if (wanted.test(line)) {
                return line; // the line we were waiting for
            }
        }
    }
}
