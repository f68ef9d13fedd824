package sockets.step3.tour;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A pretend terminal for a scripted user: what a program prints on it is kept line by line,
 * so the tour can wait for a line to appear - with a deadline - before the script goes on.
 */
public final class Screen {

    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final PrintStream printStream = new PrintStream(new LineSplitter(), true, StandardCharsets.UTF_8);

    /** What the program under test prints to. */
    public PrintStream printStream() {
        return printStream;
    }

    /** The next line printed, waiting at most {@code within}; fails if none comes. */
    public String nextLine(Duration within) throws InterruptedException {
        String line = pollLine(within);
        if (line == null) {
            throw new IllegalStateException("nothing printed within " + within.toMillis() + " ms");
        }
        return line;
    }

    /** The next line printed, waiting at most {@code within}; null if none came. */
    public String pollLine(Duration within) throws InterruptedException {
        return lines.poll(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Cuts the printed bytes into lines at each LF. */
    private final class LineSplitter extends OutputStream {
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                lines.add(pending.toString(StandardCharsets.UTF_8));
                pending.reset();
            } else {
                pending.write(b);
            }
        }
    }
}
