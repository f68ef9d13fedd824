package sockets.step3.tour;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteOrder;
import java.util.HexFormat;
import sockets.step3.framing.FrameReader;
import sockets.step3.framing.FrameTooLargeException;
import sockets.step3.framing.LengthPrefix;

/** The same four bytes read as two numbers: network byte order, a C peer's little-endian, unsigned. */
public final class ByteOrderDemo {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    private ByteOrderDemo() {}

    public static void twoOrders(PrintStream out) throws IOException {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        new DataOutputStream(written).writeInt(258);
        byte[] littleEndian = LengthPrefix.encode(258, ByteOrder.LITTLE_ENDIAN);
        long misread = LengthPrefix.decode(littleEndian, ByteOrder.BIG_ENDIAN);
        String refused;
        try {
            // A frame whose length a C peer wrote little-endian, read by our big-endian FrameReader.
            new FrameReader(new ByteArrayInputStream(littleEndian), 1024).readFrame();
            refused = "read?!";
        } catch (FrameTooLargeException e) {
            refused = "FrameTooLargeException: " + e.getMessage();
        }
        byte[] allOnes = HEX.parseHex("ff ff ff ff");
        int signed = new DataInputStream(new ByteArrayInputStream(allOnes)).readInt();
        long unsigned = LengthPrefix.decode(allOnes, ByteOrder.BIG_ENDIAN);
        out.println("   writeInt(258) sends " + HEX.formatHex(written.toByteArray())
                + ": network byte order, big-endian (C's htonl(), Python's struct.pack('!I'))");
        out.println("   a C program on x86 that forgets htonl() sends " + HEX.formatHex(littleEndian)
                + " (LengthPrefix.encode(258, LITTLE_ENDIAN))");
        out.println("   read big-endian, that is " + misread + " - FrameReader refuses it:");
        out.println("     " + refused);
        out.println("   ff ff ff ff: readInt() says " + signed + ", LengthPrefix.decode says " + unsigned
                + " (unsigned)");
    }
}
