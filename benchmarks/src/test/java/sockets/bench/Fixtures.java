package sockets.bench;

import java.util.List;

/** Hand-made results, so the report tests need no sockets. */
final class Fixtures {
    private Fixtures() {
    }

    static Latency latency(double p50, double p99) {
        return new Latency(50_000, p50, p99, p99 * 2, p99 * 4, List.of(
                new Latency.Point(0, p50 / 2), new Latency.Point(50, p50), new Latency.Point(90, p50 * 1.5),
                new Latency.Point(99, p99), new Latency.Point(99.9, p99 * 2), new Latency.Point(99.99, p99 * 3)));
    }

    static IdleClients.Result idle(int requested, int connected, long rssBeforeKb, long rssAfterKb, double liveP99) {
        return new IdleClients.Result(requested, connected, 2.5, rssBeforeKb, rssAfterKb, rssBeforeKb, rssAfterKb,
                latency(100, liveP99), latency(100, liveP99 / 2), null);
    }

    /** 500 stalled rooms whose slowest newcomer waited {@code maxWelcomeUs}. */
    static StalledRooms.Result stalled(double maxWelcomeUs, double allDroppedSeconds, int stillConnected, String problem) {
        Latency welcome = new Latency(10, maxWelcomeUs / 4, maxWelcomeUs, maxWelcomeUs, maxWelcomeUs, List.of());
        return new StalledRooms.Result(500, welcome, allDroppedSeconds, stillConnected, problem);
    }

    /** A run where both chat servers meet every goal. */
    static Results allGoalsMet() {
        Results r = new Results();
        r.context.put("date", "2026-11-23");
        r.roundTrip.put(Results.STEP5, latency(30, 60));
        r.roundTrip.put(Results.STEP4, latency(120, 300));
        r.roundTrip.put(Results.NCAT, latency(32, 70));
        r.roundTrip.put(Results.SOCAT, latency(150, 400));
        r.roundTrip.put(Results.DIRECT, latency(11, 20));
        r.throughput.put(Results.STEP5, new Throughput.Result(9e6, null));
        r.throughput.put(Results.STEP4, new Throughput.Result(6e6, null));
        r.throughput.put(Results.NCAT, new Throughput.Result(8e6, null));
        r.throughput.put(Results.SOCAT, new Throughput.Result(5e6, null));
        r.throughput.put(Results.DIRECT, new Throughput.Result(2e7, null));
        r.isolation.put(Results.STEP5, new Isolation.Result(latency(30, 60), latency(32, 80), 4e6, null));
        r.isolation.put(Results.STEP4, new Isolation.Result(latency(30, 60), latency(35, 90), 4e6, null));
        r.idle.put(Results.STEP5, idle(19_000, 19_000, 60_000, 60_000 + 19_000 * 3, 5_000));
        r.idle.put(Results.STEP4, idle(8_000, 8_000, 60_000, 60_000 + 8_000 * 12, 5_000));
        r.stalled.put(Results.STEP5, stalled(20_000, 4.5, 0, null));
        r.stalled.put(Results.STEP4, stalled(40_000, 12.5, 0, null));
        return r;
    }
}
