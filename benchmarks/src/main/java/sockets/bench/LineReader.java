package sockets.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads LF-terminated lines from a socket's stream through one reusable buffer, so a round trip
 * allocates nothing. Reads block for at most the socket's SO_TIMEOUT.
 */
final class LineReader {
    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** Skips everything up to and including the next LF; false at end of stream. */
    boolean skipLine() throws IOException {
        while (true) {
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n') {
                    position = i + 1;
                    return true; // found the end of the line
                }
            }
            position = limit;
            if (!fill()) {
                return false; // peer closed before the line ended
            }
        }
    }

    /** The next line as text without its LF (CR dropped), or null at end of stream. */
    String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n') {
                    line.write(buffer, position, i - position);
                    position = i + 1;
                    String text = line.toString(StandardCharsets.UTF_8);
                    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
                }
            }
            line.write(buffer, position, limit - position);
            position = limit;
            if (!fill()) {
                return null; // peer closed: a partial line is not a line
            }
        }
    }

    /** Raw bytes: first what is still buffered, then straight from the socket; -1 at end of stream. */
    int read(byte[] into) throws IOException {
        if (position < limit) {
            int n = Math.min(into.length, limit - position);
            System.arraycopy(buffer, position, into, 0, n);
            position += n;
            return n;
        }
        return in.read(into);
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
