package sockets.step3.framing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The 4-byte length in front of a frame, in a given byte order. On the network the convention is
 * big-endian ("network byte order": C's {@code htonl()}, Java's {@code DataOutputStream.writeInt},
 * Python's {@code struct.pack('!I', n)}), which is what {@link FrameWriter} sends; a C program
 * that writes its {@code int} as it sits in memory sends it little-endian on x86 and ARM.
 */
public final class LengthPrefix {

    /** A length prefix is 4 bytes. */
    public static final int BYTES = 4;
    /** The largest length 4 bytes can carry, read as unsigned: 4294967295. */
    public static final long MAX = 0xFFFF_FFFFL;

    private LengthPrefix() {}

    /**
     * The 4 bytes that announce {@code length} in {@code order}: 258 is {@code 00 00 01 02}
     * big-endian and {@code 02 01 00 00} little-endian. A length below 0 or above {@link #MAX}
     * throws {@link IllegalArgumentException}.
     */
    public static byte[] encode(long length, ByteOrder order) {
        // tag::solution-3.8[]
        if (length < 0 || length > MAX) {
            throw new IllegalArgumentException(
                    "a 4-byte length is 0 to " + MAX + ", not " + length);
        }
        // tag::encode[]
        // A ByteBuffer is big-endian until told otherwise.
        ByteBuffer header = ByteBuffer.allocate(BYTES).order(order);
        // The low 32 bits: above 2^31 - 1 they read as a
        // negative int, but the bytes are the right ones.
        header.putInt((int) length);
        return header.array();
        // end::encode[]
        // end::solution-3.8[]
    }

    /**
     * The length that the 4 bytes of {@code header} announce in {@code order}, from 0 to
     * {@link #MAX}: read as unsigned, never negative ({@code ff ff ff ff} is 4294967295, not -1).
     * A header that is not 4 bytes long throws {@link IllegalArgumentException}.
     */
    public static long decode(byte[] header, ByteOrder order) {
        // tag::solution-3.8[]
        if (header.length != BYTES) {
            throw new IllegalArgumentException(
                    "a length prefix is 4 bytes, not " + header.length);
        }
        // tag::decode[]
        int raw = ByteBuffer.wrap(header).order(order).getInt();
        // Java's int is signed: 80 00 00 00 and above would
        // read as negative. The same 32 bits, unsigned:
        return Integer.toUnsignedLong(raw);
        // end::decode[]
        // end::solution-3.8[]
    }
}
