package sockets.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Where a quiet room's round trip goes while another room floods: the bench's isolation phase on
 * step 5 with a probe build of its server (step5-loop-probe.patch, started with
 * {@code -Dprobe.records=FILE}), recording each round trip's client-side times. System.nanoTime is
 * CLOCK_MONOTONIC on Linux, the same clock in both processes, so hops.py can split every hop into:
 * until the loop's select() returned, the turn until the line was written, and the client's read.
 * Built against bench.jar (README.md in this folder); not part of the bench.
 *
 * <p>Arguments: JAVA (a wrapper adding the probe's -D options), the probe's CHAT_JAR, ROUND_TRIPS per
 * phase, OUT (one line per round trip: PHASE T_A_WROTE T_B_READ T_A_READ).
 */
public final class Hops {

    /** Unrecorded round trips first, as in the bench. */
    static final int WARMUPS = 20_000;

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: Hops JAVA CHAT_JAR ROUND_TRIPS OUT");
        }
        int roundTrips = Integer.parseInt(args[2]);
        try (ChatRelay relay = ChatRelay.start("step 5", Path.of(args[0]), Path.of(args[1]), 1_000, System.err);
             Pair quiet = relay.open(); Pair flooding = relay.open(); PrintWriter out = new PrintWriter(args[3])) {
            roundTrips(quiet, WARMUPS, null, "warm-up");
            roundTrips(quiet, roundTrips, out, "quiet");
            try (Flood flood = Flood.start(relay, flooding)) {
                Thread.sleep(1_000); // the flood at full speed first, as in the bench
                long lines = flood.received();
                long start = System.nanoTime();
                roundTrips(quiet, roundTrips, out, "flooded");
                System.err.printf("flood: %.2f M lines/s%n", (flood.received() - lines) / ((System.nanoTime() - start) / 1e9) / 1e6);
            }
            // The probe writes its records every 2 s, on a turn of the loop: give it turns to do so.
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2_500);
            while (System.nanoTime() < end) {
                roundTrips(quiet, 100, null, "flush");
            }
        }
    }

    private static void roundTrips(Pair pair, int count, PrintWriter out, String phase) throws Exception {
        byte[] ping = RoundTrip.line("ping");
        byte[] pong = RoundTrip.line("pong");
        for (int i = 0; i < count; i++) {
            long aWrote = System.nanoTime();
            pair.outA.write(ping);
            pair.inB.skipLine();
            long bRead = System.nanoTime();
            pair.outB.write(pong);
            pair.inA.skipLine();
            long aRead = System.nanoTime();
            if (out != null) {
                out.println(phase + " " + aWrote + " " + bRead + " " + aRead);
            }
        }
    }
}
