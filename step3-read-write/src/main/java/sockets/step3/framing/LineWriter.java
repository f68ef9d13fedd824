package sockets.step3.framing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes UTF-8 lines ending in LF, each in one write followed by a flush, the partner of
 * {@link LineReader}. Safe to share between threads: a line is never cut by another thread's line.
 */
public final class LineWriter {

    private final OutputStream out;
    private final Object lock = new Object();

    public LineWriter(OutputStream out) {
        this.out = out;
    }

    /**
     * Sends {@code line} and a LF, UTF-8, then flushes. A line that contains a LF is refused with
     * {@link IllegalArgumentException}, and nothing is written.
     */
    public void writeLine(String line) throws IOException {
        // tag::solution-3.2[]
        if (line.indexOf('\n') >= 0) {
            // The LF is our delimiter: inside a line it would make two.
            throw new IllegalArgumentException("a line cannot contain a line feed");
        }
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        // tag::write-line[]
        // One thread at a time: two writers would mix bytes.
        synchronized (lock) {
            out.write(bytes); // the whole line in one write
            // Flush, or the line may wait in a buffer.
            out.flush();
        }
        // end::write-line[]
        // end::solution-3.2[]
    }
}
