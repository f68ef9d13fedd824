package sockets.step3.framing;

import java.io.IOException;

/**
 * A frame announced (or was asked to carry) more bytes than the agreed maximum. Unlike an
 * over-long line, the rest of the stream cannot be trusted after it: close the connection.
 */
public final class FrameTooLargeException extends IOException {

    private final long size;
    private final int limit;

    public FrameTooLargeException(long size, int limit) {
        super("frame of " + size + " bytes is over the limit of " + limit + " bytes");
        this.size = size;
        this.limit = limit;
    }

    /** The size the frame claimed. */
    public long size() {
        return size;
    }

    public int limit() {
        return limit;
    }
}
