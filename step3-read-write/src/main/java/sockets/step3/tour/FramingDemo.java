package sockets.step3.tour;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import sockets.step3.LoopbackPair;
import sockets.step3.framing.FrameReader;
import sockets.step3.framing.FrameTooLargeException;
import sockets.step3.framing.FrameWriter;
import sockets.step3.framing.LineReader;
import sockets.step3.framing.LineTooLongException;
import sockets.step3.framing.LineWriter;

/** The two framings of the step, over a real connection: bounded lines, and length-prefixed frames. */
public final class FramingDemo {

    private FramingDemo() {}

    /** Lines with LF or CRLF, and an over-long line that is refused without ending the stream. */
    public static void boundedLines(PrintStream out) throws IOException {
        try (LoopbackPair pair = LoopbackPair.open()) {
            pair.server().setSoTimeout(2000);
            LineWriter writer = new LineWriter(pair.client().getOutputStream());
            LineReader reader = new LineReader(pair.server().getInputStream(), 64);
            writer.writeLine("first line");
            // telnet ends lines with CRLF: the reader drops the CR.
            pair.client().getOutputStream().write("from telnet\r\n".getBytes(StandardCharsets.UTF_8));
            writer.writeLine("x".repeat(1000));
            writer.writeLine("still talking");
            out.println("   client sent: \"first line\", \"from telnet\\r\\n\", 1000 x's, \"still talking\"; limit 64 bytes");
            out.println("   server read: \"" + reader.readLine() + "\"");
            out.println("   server read: \"" + reader.readLine() + "\"");
            try {
                reader.readLine();
            } catch (LineTooLongException e) {
                out.println("   server read: LineTooLongException: " + e.getMessage() + " (held at most 66 bytes)");
            }
            out.println("   server read: \"" + reader.readLine() + "\"  - the over-long line was skipped, the stream goes on");
        }
    }

    /** Frames that carry a LF inside, and a header announcing 2 GB that is refused before any allocation. */
    public static void lengthPrefixedFrames(PrintStream out) throws IOException {
        try (LoopbackPair pair = LoopbackPair.open()) {
            pair.server().setSoTimeout(2000);
            FrameWriter writer = new FrameWriter(pair.client().getOutputStream(), 1024);
            FrameReader reader = new FrameReader(pair.server().getInputStream(), 1024);
            writer.writeFrame("two lines\nin one frame".getBytes(StandardCharsets.UTF_8));
            writer.writeFrame(new byte[0]);
            out.println("   on the wire: 4-byte length, then the payload: "
                    + Show.bytes(frameBytes("hi"), 6) + " is the frame \"hi\"");
            byte[] first = reader.readFrame();
            out.println("   server read frame: " + Show.bytes(first, first.length) + " (a LF inside is just a byte)");
            out.println("   server read frame: " + reader.readFrame().length + " bytes (an empty frame is fine)");
            // A hostile or broken peer announces 2 GB.
            new DataOutputStream(pair.client().getOutputStream()).writeInt(Integer.MAX_VALUE);
            try {
                reader.readFrame();
            } catch (FrameTooLargeException e) {
                out.println("   server read: FrameTooLargeException: " + e.getMessage());
                out.println("   nothing was allocated; after a bad header the stream is out of step: close it");
            }
        }
    }

    private static byte[] frameBytes(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[4 + payload.length];
        frame[3] = (byte) payload.length;
        System.arraycopy(payload, 0, frame, 4, payload.length);
        return frame;
    }
}
