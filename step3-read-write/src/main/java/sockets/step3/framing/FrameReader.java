package sockets.step3.framing;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Reads length-prefixed frames written by {@link FrameWriter}: a 4-byte big-endian length, then the
 * payload, read whole with {@code readFully} however TCP cut it. Not thread-safe: one reader per stream.
 */
public final class FrameReader {

    private final DataInputStream in;
    private final int maxFrameBytes;

    public FrameReader(InputStream in, int maxFrameBytes) {
        if (maxFrameBytes < 0) {
            throw new IllegalArgumentException("maxFrameBytes must not be negative, was " + maxFrameBytes);
        }
        this.in = new DataInputStream(in);
        this.maxFrameBytes = maxFrameBytes;
    }

    /**
     * The next frame's payload, or {@code null} when the stream ends cleanly between frames.
     * Throws {@link EOFException} when it ends inside a frame, and {@link FrameTooLargeException}
     * when the announced length is over the maximum - before allocating anything for it.
     */
    public byte[] readFrame() throws IOException {
        // tag::solution-3.4[]
        byte[] header = new byte[4];
        int got = in.readNBytes(header, 0, 4);
        if (got == 0) {
            return null; // peer closed between two frames: a clean end
        }
        if (got < 4) {
            throw new EOFException("stream ended inside a frame header (" + got + " of 4 bytes)");
        }
        // Unsigned: a "negative" length is just a very large one, and the check below refuses it.
        long length = Integer.toUnsignedLong(ByteBuffer.wrap(header).getInt());
        // tag::read-frame[]
        if (length > maxFrameBytes) {
            // Check before allocating: a peer must not
            // make us reserve 4 GB with four bytes.
            throw new FrameTooLargeException(length, maxFrameBytes);
        }
        byte[] payload = new byte[(int) length];
        // readFully loops over read() until all bytes are
        // there: one frame may take many reads.
        in.readFully(payload);
        return payload;
        // end::read-frame[]
        // end::solution-3.4[]
    }
}
