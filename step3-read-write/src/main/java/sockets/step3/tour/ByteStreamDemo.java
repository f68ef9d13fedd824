package sockets.step3.tour;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import sockets.step3.LoopbackPair;
import sockets.step3.framing.LineReader;

/** TCP is a byte stream: writes and reads do not match one to one, and a character can be cut in two. */
public final class ByteStreamDemo {

    private ByteStreamDemo() {}

    /** Two writes, then one read that returns both. */
    public static void twoWritesOneRead(PrintStream out) throws IOException {
        try (LoopbackPair pair = LoopbackPair.open()) {
            OutputStream toServer = pair.client().getOutputStream();
            InputStream atServer = pair.server().getInputStream();
            // tag::two-writes[]
            toServer.write("hello\n".getBytes(StandardCharsets.UTF_8));
            toServer.write("world\n".getBytes(StandardCharsets.UTF_8));
            awaitAvailable(atServer, 12);
            byte[] buffer = new byte[1024];
            int count = atServer.read(buffer);
            // end::two-writes[]
            out.println("   client: write(\"hello\\n\"); write(\"world\\n\")   - two writes");
            out.println("   server: one read() returned " + count + " bytes: " + Show.bytes(buffer, count));
            out.println("   TCP keeps no message boundaries: finding them is the reader's job (framing).");
        }
    }

    /** One message written a byte at a time arrives in as many reads. */
    public static void oneMessageManyReads(PrintStream out) throws IOException {
        try (LoopbackPair pair = LoopbackPair.open()) {
            // No Nagle (phase 10): each 1-byte write leaves at once instead of waiting for company.
            pair.client().setTcpNoDelay(true);
            pair.server().setSoTimeout(2000);
            OutputStream toServer = pair.client().getOutputStream();
            InputStream atServer = pair.server().getInputStream();
            List<Integer> readSizes = new ArrayList<>();
            byte[] buffer = new byte[1024];
            for (byte b : "hello\n".getBytes(StandardCharsets.UTF_8)) {
                toServer.write(b);
                readSizes.add(atServer.read(buffer)); // returns what has arrived: just that byte
            }
            out.println("   client: 6 writes of 1 byte (\"hello\\n\")");
            out.println("   server: " + readSizes.size() + " reads returned " + readSizes + " bytes");
            out.println("   A reader that expects a whole message per read() gets \"h\". Keep reading until the frame is complete.");
        }
    }

    /** A two-byte character cut between two reads: decoding each read breaks it; LineReader does not. */
    public static void utf8SplitAcrossReads(PrintStream out) throws IOException {
        byte[] cafe = "café\n".getBytes(StandardCharsets.UTF_8); // é is two bytes: C3 A9
        byte[] first = Arrays.copyOfRange(cafe, 0, 4);
        byte[] second = Arrays.copyOfRange(cafe, 4, cafe.length);
        StringBuilder naive = new StringBuilder();
        try (LoopbackPair pair = LoopbackPair.open()) {
            pair.client().setTcpNoDelay(true);
            pair.server().setSoTimeout(2000);
            byte[] buffer = new byte[1024];
            for (byte[] piece : List.of(first, second)) {
                pair.client().getOutputStream().write(piece);
                int count = pair.server().getInputStream().read(buffer);
                // The mistake on show: decoding each read on its own.
                naive.append(new String(buffer, 0, count, StandardCharsets.UTF_8));
            }
        }
        // LineReader keeps bytes until the LF and decodes the whole line at once.
        InputStream samePieces = new SequenceInputStream(new ByteArrayInputStream(first), new ByteArrayInputStream(second));
        String line = new LineReader(samePieces, 100).readLine();
        out.println("   \"café\\n\" is " + cafe.length + " bytes; it arrives as " + Show.bytes(first, first.length)
                + " then " + Show.bytes(second, second.length));
        out.println("   decoding each read:      \"" + naive.toString().strip() + "\"");
        out.println("   LineReader (whole line): \"" + line + "\"");
    }

    /** Waits until {@code count} bytes have arrived: {@code available()} counts bytes already received. */
    static void awaitAvailable(InputStream in, int count) throws IOException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (in.available() < count && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // loop exit: all bytes are there, or 2 s passed (read() then shows fewer)
        }
    }
}
