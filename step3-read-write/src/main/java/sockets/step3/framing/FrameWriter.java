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

    /**
     * Sends one frame - a 4-byte length ({@code writeInt}), then the payload - and flushes. A
     * payload over the maximum is refused with {@link FrameTooLargeException} before anything
     * is written.
     */
    public void writeFrame(byte[] payload) throws IOException {
        // tag::solution-3.4[]
        if (payload.length > maxFrameBytes) {
            // Refuse here: the reader would refuse it anyway, and then drop the connection.
            throw new FrameTooLargeException(payload.length, maxFrameBytes);
        }
        // tag::write-frame[]
        // One thread at a time: never one thread's length
        // followed by another thread's payload.
        synchronized (out) {
            out.writeInt(payload.length); // 4 bytes, big-endian
            out.write(payload);
            // Flush, or the frame may wait in a buffer.
            out.flush();
        }
        // end::write-frame[]
        // end::solution-3.4[]
    }
}
