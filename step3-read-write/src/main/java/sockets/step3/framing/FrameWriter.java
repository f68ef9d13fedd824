package sockets.step3.framing;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes length-prefixed frames: a 4-byte big-endian length, then that many bytes. The partner of
 * {@link FrameReader}; any bytes may be inside a frame, LF included. Safe to share between threads.
 */
public final class FrameWriter {

    private final DataOutputStream out;
    private final int maxFrameBytes;

    public FrameWriter(OutputStream out, int maxFrameBytes) {
        if (maxFrameBytes < 0) {
            throw new IllegalArgumentException("maxFrameBytes must not be negative, was " + maxFrameBytes);
        }
        this.out = new DataOutputStream(out);
        this.maxFrameBytes = maxFrameBytes;
    }

    /** Sends one frame and flushes; refuses a payload over the maximum before writing anything. */
    public void writeFrame(byte[] payload) throws IOException {
        // tag::solution-3.4[]
        if (payload.length > maxFrameBytes) {
            // Refuse here: the reader would refuse it anyway, and then drop the connection.
            throw new FrameTooLargeException(payload.length, maxFrameBytes);
        }
        // One thread at a time: a length from one thread and a payload from another is garbage.
        synchronized (out) {
            out.writeInt(payload.length);
            out.write(payload);
            // Flush: otherwise the frame can sit in a buffer and the peer waits forever.
            out.flush();
        }
        // end::solution-3.4[]
    }
}
