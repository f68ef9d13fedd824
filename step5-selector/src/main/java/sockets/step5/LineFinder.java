package sockets.step5;

import java.nio.ByteBuffer;
import sockets.step3.framing.LineTooLongException;

/**
 * Finds LF-terminated lines in a connection's input buffer - step 3's {@code LineReader} without
 * the blocking stream: the bytes are already there, in a {@link ByteBuffer}, and when no whole
 * line is left the caller compacts the buffer and waits for the selector. One per connection: it
 * remembers an over-long line being skipped, and how far it has looked for the next LF.
 */
final class LineFinder {

    private final int maxLineBytes;
    /** Inside an over-long line: its bytes are dropped up to its LF. */
    private boolean skipping;
    /** How many bytes from the buffer's position hold no LF: looked at once, never again. */
    private int searched;

    LineFinder(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * The next whole line of {@code buffer} (in read mode: flipped), without its LF or CRLF, as a
     * slice of the buffer's bytes (valid until the buffer changes); the buffer's position moves
     * past the line. Null when no whole line is left: the position stays at the unfinished line's
     * first byte, for the caller to {@code compact()}. A line longer than the limit throws
     * {@link LineTooLongException} as soon as it is longer (4096 bytes and a CR may wait for their
     * LF, 4097 bytes may not); its bytes are dropped up to its LF, and the next call goes on after it.
     */
    ByteBuffer next(ByteBuffer buffer) throws LineTooLongException {
        // tag::solution-5.3[]
        // tag::next-line[]
        while (true) {
            int start = buffer.position();
            int lf = indexOfLf(buffer, start + searched);
            if (lf < 0) {
                searched = buffer.limit() - start; // no LF in these: never look at them again
                if (skipping) {
                    buffer.position(buffer.limit()); // the over-long line goes on: drop what came
                    searched = 0;
                } else if (tooLong(buffer, start, buffer.limit())) {
                    skipping = true;
                    buffer.position(buffer.limit());
                    searched = 0;
                    throw new LineTooLongException(maxLineBytes);
                }
                return null; // the rest is an unfinished line: compact, read on
            }
            buffer.position(lf + 1); // past the LF: the next line starts there
            searched = 0;
            if (skipping) {
                skipping = false; // the end of the over-long line: look on after it
                continue;
            }
            if (tooLong(buffer, start, lf)) {
                throw new LineTooLongException(maxLineBytes);
            }
            return withoutCr(buffer.slice(start, lf - start));
        }
        // end::next-line[]
        // end::solution-5.3[]
    }

    /**
     * At the end of the stream: what is left of {@code buffer} (in read mode) as a last line - a
     * line without LF counts - or null when nothing is left (or the rest of an over-long line).
     */
    ByteBuffer rest(ByteBuffer buffer) {
        // tag::solution-5.3[]
        int start = buffer.position();
        int end = buffer.limit();
        buffer.position(end);
        searched = 0;
        boolean wasSkipping = skipping;
        skipping = false;
        if (wasSkipping || end == start) {
            return null;
        }
        return withoutCr(buffer.slice(start, end - start));
        // end::solution-5.3[]
    }

    /** Bytes {@code start} to {@code end} (no LF among them) are more than a line may hold. */
    private boolean tooLong(ByteBuffer buffer, int start, int end) {
        int length = end - start;
        // One byte over is allowed if it is the CR of a CRLF.
        boolean crOfCrlf = length == maxLineBytes + 1 && buffer.get(end - 1) == '\r';
        return length > maxLineBytes && !crOfCrlf;
    }

    /** Where the next LF is, from {@code from}; -1 if none. On the buffer's array: a plain loop, compiled to a fast scan. */
    private static int indexOfLf(ByteBuffer buffer, int from) {
        byte[] bytes = buffer.array();
        int offset = buffer.arrayOffset();
        for (int i = from + offset; i < buffer.limit() + offset; i++) {
            if (bytes[i] == '\n') {
                return i - offset;
            }
        }
        return -1;
    }

    private static ByteBuffer withoutCr(ByteBuffer line) {
        int length = line.limit();
        return length > 0 && line.get(length - 1) == '\r' ? line.limit(length - 1) : line;
    }
}
