package sockets.step3.framing;

import java.io.IOException;

/**
 * A line went past the reader's limit. The reader skips the rest of that line on its next
 * call, so the stream stays usable: the caller can report the error and read on.
 */
public final class LineTooLongException extends IOException {

    private final int limit;

    public LineTooLongException(int limit) {
        super("line longer than " + limit + " bytes");
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
