package sockets.step3;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Streams that behave like a TCP connection at its worst: the test's side of the framing lessons. */
public final class Streams {

    private Streams() {}

    /** {@code text} as UTF-8 bytes. */
    public static InputStream of(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Hands out at most one byte per read, like a peer that writes a byte at a time. */
    public static InputStream oneByteAtATime(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return super.read(buffer, offset, Math.min(length, 1));
            }
        };
    }

    /** An endless line: 'a' forever, no LF ever. Counts how many bytes were taken from it. */
    public static final class Endless extends InputStream {
        private long handedOut;

        @Override
        public int read() {
            handedOut++;
            return 'a';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            Arrays.fill(buffer, offset, offset + length, (byte) 'a');
            handedOut += length;
            return length;
        }

        public long handedOut() {
            return handedOut;
        }
    }
}
