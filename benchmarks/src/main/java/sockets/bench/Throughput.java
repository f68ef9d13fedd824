package sockets.bench;

import java.io.IOException;

/** One-way throughput A -> B in lines per second: a {@link Flood} counted over a fixed window after a warm-up. */
final class Throughput {

    /** Lines per second over the window, and what went wrong (null when nothing did). */
    record Result(double linesPerSecond, String problem) {
    }

    private Throughput() {
    }

    static Result measure(Relay relay, long warmupMillis, long windowMillis) throws IOException, InterruptedException {
        try (Pair pair = relay.open(); Flood flood = Flood.start(relay, pair)) {
            // Sleeping here is the measurement window itself, not a wait for an event.
            Thread.sleep(warmupMillis);
            long startLines = flood.received();
            long start = System.nanoTime();
            Thread.sleep(windowMillis);
            long lines = flood.received() - startLines;
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(lines / seconds, flood.problem());
        }
    }
}
