package sockets.step3.tour;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import sockets.step3.LoopbackPair;
import sockets.step3.framing.LineReader;
import sockets.step3.framing.LineWriter;

/** Two threads writing one stream: without one lock per message their bytes interleave. */
public final class TwoWritersDemo {

    static final int LINES_PER_THREAD = 500;
    private static final Pattern WHOLE_LINE = Pattern.compile("[AB]-\\d{4}");

    /** One way for a thread to send one line on a shared stream. */
    @FunctionalInterface
    interface LineSender {
        void send(String line) throws IOException;
    }

    private TwoWritersDemo() {}

    public static void compare(PrintStream out) throws Exception {
        int unlocked = brokenLines(stream -> line -> {
            // The mistake on show: several writes per line, no lock.
            for (byte b : (line + "\n").getBytes(StandardCharsets.UTF_8)) {
                stream.write(b);
            }
        });
        int locked = brokenLines(stream -> new LineWriter(stream)::writeLine);
        int total = 2 * LINES_PER_THREAD;
        out.println("   two threads each send " + LINES_PER_THREAD + " lines like \"A-0042\" on one socket");
        out.println("   byte by byte, no lock:          " + unlocked + " of " + total + " lines arrived mangled"
                + (unlocked == 0 ? " (lucky this time: the race is real, run again)" : ""));
        out.println("   LineWriter (one write, a lock): " + locked + " of " + total + " lines arrived mangled");
        out.println("   Rule: one writer per stream at a time - a lock, or a single writer thread with a queue.");
    }

    /** How many of the received lines are not a whole line of one sender. */
    static int brokenLines(Function<OutputStream, LineSender> sharedSender) throws Exception {
        try (LoopbackPair pair = LoopbackPair.open()) {
            pair.client().setTcpNoDelay(true);
            pair.server().setSoTimeout(5000);
            LineSender sender = sharedSender.apply(pair.client().getOutputStream());
            CountDownLatch start = new CountDownLatch(1);
            FutureTask<Void> a = new FutureTask<>(() -> sendLines(pair, sender, "A", start));
            FutureTask<Void> b = new FutureTask<>(() -> sendLines(pair, sender, "B", start));
            Thread.ofPlatform().start(a);
            Thread.ofPlatform().start(b);
            start.countDown(); // both at once: the race needs them to overlap
            LineReader reader = new LineReader(pair.server().getInputStream(), 64);
            int broken = 0;
            // Every line carries exactly one LF, so exactly this many lines arrive, mangled or not.
            for (int i = 0; i < 2 * LINES_PER_THREAD; i++) {
                String line = reader.readLine();
                if (line == null || !WHOLE_LINE.matcher(line).matches()) {
                    broken++;
                }
            }
            // Rethrows what stopped a sender: then the count above means nothing.
            a.get(5, TimeUnit.SECONDS);
            b.get(5, TimeUnit.SECONDS);
            return broken;
        }
    }

    private static Void sendLines(LoopbackPair pair, LineSender sender, String name, CountDownLatch start)
            throws Exception {
        try {
            start.await();
            for (int i = 0; i < LINES_PER_THREAD; i++) {
                sender.send(String.format("%s-%04d", name, i));
            }
            return null;
        } catch (Exception e) {
            try {
                // The reader must not wait for lines that will never come: end the stream.
                pair.client().shutdownOutput();
            } catch (IOException shutAlready) {
                // The other sender failed first and ended it.
            }
            throw e;
        }
    }
}
