package sockets.step4;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A demo user: types what the {@link Demo} tells it to and keeps what its screen showed, so the
 * demo can wait for a line to arrive and then print each screen in turn, in a stable order.
 */
final class ScriptedUser implements UserTerminal {

    private static final String END_OF_INPUT = "\u0004";
    private static final long WAIT_MILLIS = 5_000;

    private final String label;
    private final PrintStream out;
    private final LinkedBlockingQueue<String> typed = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<String> arrived = new LinkedBlockingQueue<>();
    /** Arrived lines the demo has not printed yet; only the demo's thread touches it. */
    private final List<String> unprinted = new ArrayList<>();

    ScriptedUser(String name, PrintStream out) {
        this.label = String.format("%-5s", name);
        this.out = out;
    }

    /** The user types {@code line} and presses Enter. */
    void type(String line) {
        out.println("   " + label + " > " + line);
        typed.add(line);
    }

    /** The user presses Ctrl-D. */
    void endInput() {
        out.println("   " + label + " > (Ctrl-D)");
        typed.add(END_OF_INPUT);
    }

    /** Waits until a line containing {@code text} has arrived, then prints the screen's new lines. */
    void awaitAndPrint(String text) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        while (unprinted.stream().noneMatch(line -> line.contains(text))) {
            String line = arrived.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new IllegalStateException(label.strip() + " never saw '" + text + "'; saw " + unprinted);
            }
            unprinted.add(line);
        }
        for (String line : unprinted) {
            out.println("   " + label + " | " + line);
        }
        unprinted.clear();
    }

    @Override
    public String readLine() throws IOException {
        try {
            String line = typed.take();
            return line.equals(END_OF_INPUT) ? null : line;
        } catch (InterruptedException e) {
            throw new InterruptedIOException("demo interrupted");
        }
    }

    @Override
    public void show(String line) {
        arrived.add(line);
    }

    @Override
    public void close() {
        // Nothing to release: the screen is the demo's output.
    }
}
