package sockets.step3.tour;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Locale;
import sockets.step3.LoopbackPair;

/**
 * Nagle's algorithm against a write-write-read exchange: the second small write waits for the
 * ACK of the first, which the peer delays. Measured and printed; the numbers depend on the machine.
 */
public final class NagleDemo {

    private NagleDemo() {}

    /** Measures both settings with {@code rounds} request/reply exchanges each and prints the averages. */
    public static void compare(PrintStream out, int rounds) throws Exception {
        double nagle = averageMillis(false, rounds);
        double noDelay = averageMillis(true, rounds);
        out.println("   each round: client write(4-byte header); write(4-byte body); read(1-byte reply)");
        out.printf(Locale.ROOT, "   Nagle on (the default):   %6.2f ms per round (%d rounds)%n", nagle, rounds);
        out.printf(Locale.ROOT, "   setTcpNoDelay(true):      %6.2f ms per round (%d rounds)%n", noDelay, rounds);
        out.println("   Fix: one write per message (build it in a buffer, or a BufferedOutputStream and flush),"
                + " or TCP_NODELAY.");
    }

    /** The average round trip in milliseconds of a write-write-read exchange. */
    static double averageMillis(boolean noDelay, int rounds) throws Exception {
        try (LoopbackPair pair = LoopbackPair.open()) {
            pair.client().setTcpNoDelay(noDelay);
            pair.server().setTcpNoDelay(true); // only the client's setting is under test
            pair.client().setSoTimeout(2000);
            pair.server().setSoTimeout(2000);
            Thread replier = Thread.ofPlatform().daemon().start(() -> replyToEach(pair, rounds));
            OutputStream out = pair.client().getOutputStream();
            InputStream in = pair.client().getInputStream();
            long start = System.nanoTime();
            for (int round = 0; round < rounds; round++) {
                out.write(new byte[] {0, 0, 0, 4}); // header: "4 bytes follow"
                out.write(new byte[] {'p', 'i', 'n', 'g'}); // body: held back by Nagle until the ACK
                if (in.read() == -1) {
                    throw new IOException("replier closed early");
                }
            }
            double millis = (System.nanoTime() - start) / 1e6 / rounds;
            replier.join(2000);
            return millis;
        }
    }

    private static void replyToEach(LoopbackPair pair, int rounds) {
        try {
            InputStream in = pair.server().getInputStream();
            OutputStream out = pair.server().getOutputStream();
            for (int round = 0; round < rounds; round++) {
                // The reply needs the whole message: 8 bytes, however they arrive.
                if (in.readNBytes(8).length < 8) {
                    return; // client went away early
                }
                out.write('!');
            }
        } catch (IOException e) {
            // The measuring side fails with its own timeout and says so.
        }
    }
}
