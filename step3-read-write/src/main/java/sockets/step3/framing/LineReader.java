package sockets.step3.framing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads LF-terminated UTF-8 lines from a byte stream, never holding more than {@code maxLineBytes}
 * of one line: the bounded {@code readLine} that {@code BufferedReader} is not. Works on any
 * {@link InputStream}, so it is tested without sockets. Not thread-safe: one reader per stream.
 */
public final class LineReader {

    private final InputStream in;
    /**
     * The read buffer starts small and doubles, up to 64 KB, each time a read fills it: a busy
     * stream (a flood of short lines) then takes about a thousand lines per system call.
     */
    private static final int FIRST_CHUNK = 512;
    private static final int MAX_CHUNK = 64 * 1024;

    private final int maxLineBytes;
    // Small at first: a server holds one per connection, and most connections are quiet.
    private byte[] chunk = new byte[FIRST_CHUNK];
    private int chunkStart;
    private int chunkEnd;
    private byte[] line;
    private int lineLength;
    private boolean skippingLongLine;

    public LineReader(InputStream in, int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be at least 1, was " + maxLineBytes);
        }
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        // Start small and grow on demand: most lines are short, and the limit may be large.
        this.line = new byte[(int) Math.min(128, maxLineBytes + 2L)];
    }

    /** The most bytes one line may have, without its terminator. */
    public int maxLineBytes() {
        return maxLineBytes;
    }

    /**
     * The next line without its terminator (LF, or CRLF: the CR is dropped), decoded as UTF-8
     * with invalid bytes replaced by U+FFFD; a last line without LF is returned too; {@code null}
     * at end of stream. A line longer than the limit throws {@link LineTooLongException} as soon as
     * the limit is passed; the next call first skips what is left of that line.
     */
    public String readLine() throws IOException {
        // tag::solution-3.3[]
        while (true) {
            if (chunkStart == chunkEnd) {
                if (chunkEnd == chunk.length && chunk.length < MAX_CHUNK) {
                    // The last read filled it: a busy stream, so read more at a time.
                    chunk = new byte[chunk.length * 2];
                }
                chunkEnd = in.read(chunk);
                chunkStart = 0;
                if (chunkEnd == -1) {
                    // Peer closed its side: hand out what is left of an unterminated last line.
                    chunkEnd = 0;
                    boolean partial = lineLength > 0 && !skippingLongLine;
                    skippingLongLine = false;
                    return partial ? takeLine() : null;
                }
            }
            // Where this line ends in what we have: one quick scan, then the bytes are copied at once.
            int end = chunkStart;
            while (end < chunkEnd && chunk[end] != '\n') {
                end++;
            }
            int length = end - chunkStart;
            if (!skippingLongLine && length > 0) {
                // tag::limit[]
                long lineBytes = (long) lineLength + length;
                // One byte over is allowed if it is the CR of a CRLF.
                boolean crOfCrlf =
                        lineBytes == maxLineBytes + 1L && chunk[end - 1] == '\r';
                if (lineBytes > maxLineBytes && !crOfCrlf) {
                    // Refuse it now; the next call skips to its LF.
                    lineLength = 0;
                    skippingLongLine = true;
                    chunkStart = end;
                    throw new LineTooLongException(maxLineBytes);
                }
                // end::limit[]
                append(chunk, chunkStart, length);
            }
            if (end == chunkEnd) {
                chunkStart = chunkEnd;
                continue; // No LF yet: the line goes on in the next read.
            }
            chunkStart = end + 1;
            if (skippingLongLine) {
                // End of the over-long line: the next line starts fresh.
                skippingLongLine = false;
                continue;
            }
            return takeLine();
        }
        // end::solution-3.3[]
    }

    private void append(byte[] bytes, int offset, int length) {
        if (lineLength + length > line.length) {
            // Never more than the limit plus a CR: memory stays bounded.
            int size = (int) Math.min(Math.max(line.length * 2L, lineLength + length), maxLineBytes + 1L);
            line = Arrays.copyOf(line, size);
        }
        System.arraycopy(bytes, offset, line, lineLength, length);
        lineLength += length;
    }

    private String takeLine() {
        int length = lineLength;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        lineLength = 0;
        // new String(..., UTF_8) replaces malformed input with U+FFFD: never throws on junk.
        return new String(line, 0, length, StandardCharsets.UTF_8);
    }
}
