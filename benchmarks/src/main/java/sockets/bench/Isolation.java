package sockets.bench;

import java.io.IOException;
import org.HdrHistogram.Histogram;

/**
 * Rooms must not feel each other: one room's round-trip latency, first while a second room is
 * connected but quiet, then while that second room floods as fast as it can.
 */
final class Isolation {

    /** The measured room's latency without and with the flood next door. */
    record Result(Latency quiet, Latency flooded, double floodLinesPerSecond, String problem) {
        double p99Ratio() {
            return flooded.p99Us() / quiet.p99Us();
        }
    }

    private Isolation() {
    }

    static Result measure(Relay relay, int warmups, int count, long limitMillis, long floodWarmupMillis)
            throws IOException, InterruptedException {
        try (Pair measured = relay.open(); Pair flooding = relay.open()) {
            Histogram quiet = RoundTrip.measure(measured, warmups, count, limitMillis);
            try (Flood flood = Flood.start(relay, flooding)) {
                Thread.sleep(floodWarmupMillis); // let the flood reach full speed first
                long startLines = flood.received();
                long start = System.nanoTime();
                Histogram flooded = RoundTrip.measure(measured, 0, count, limitMillis);
                double seconds = (System.nanoTime() - start) / 1e9;
                double rate = (flood.received() - startLines) / seconds;
                return new Result(Latency.of(quiet), Latency.of(flooded), rate, flood.problem());
            }
        }
    }
}
