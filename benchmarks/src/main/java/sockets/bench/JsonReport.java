package sockets.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The run as {@code bench.json}: the same figures as the Markdown report, for scripts (microseconds, lines/s, KB). */
final class JsonReport {
    private JsonReport() {
    }

    static String render(Results r, List<Goals.Goal> goals) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("context", r.context);
        Map<String, Object> roundTrip = new LinkedHashMap<>();
        r.roundTrip.forEach((target, latency) -> roundTrip.put(target, latency(latency)));
        root.put("roundTripUs", roundTrip);
        root.put("ratios", ratios(r));
        Map<String, Object> throughput = new LinkedHashMap<>();
        r.throughput.forEach((target, t) -> throughput.put(target,
                map("linesPerSecond", t.linesPerSecond(), "problem", t.problem())));
        root.put("throughput", throughput);
        root.put("idleClients", r.idle == null ? null : idle(r.idle));
        Map<String, Object> isolation = new LinkedHashMap<>();
        r.isolation.forEach((target, i) -> isolation.put(target, map("quiet", latency(i.quiet()),
                "flooded", latency(i.flooded()), "p99Ratio", i.p99Ratio(),
                "floodLinesPerSecond", i.floodLinesPerSecond(), "problem", i.problem())));
        root.put("isolation", isolation);
        root.put("stalledRooms", r.stalled == null ? null : map("rooms", r.stalled.rooms(),
                "newcomerWelcomeUs", latency(r.stalled.newcomerWelcome()), "allDroppedSeconds", r.stalled.allDroppedSeconds(),
                "stillConnected", r.stalled.stillConnected(), "problem", r.stalled.problem()));
        List<Object> goalList = new ArrayList<>();
        for (Goals.Goal g : goals) {
            goalList.add(map("goal", g.goal(), "measured", g.measured(),
                    "status", g.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        }
        root.put("goals", goalList);
        root.put("notes", r.notes);
        return Json.write(root);
    }

    private static Map<String, Object> ratios(Results r) {
        Map<String, Object> ratios = new LinkedHashMap<>();
        for (String other : List.of(Results.DIRECT, Results.SOCAT)) {
            ratios.put("chat/" + other, map(
                    "p50", Results.ratio(r.p50(Results.CHAT), r.p50(other)),
                    "p99", Results.ratio(r.p99(Results.CHAT), r.p99(other)),
                    "p99.9", Results.ratio(r.p999(Results.CHAT), r.p999(other)),
                    "throughput", Results.ratio(r.linesPerSecond(Results.CHAT), r.linesPerSecond(other))));
        }
        return ratios;
    }

    private static Map<String, Object> latency(Latency l) {
        return map("count", l.count(), "p50", l.p50Us(), "p99", l.p99Us(), "p99.9", l.p999Us(), "max", l.maxUs());
    }

    private static Map<String, Object> idle(IdleClients.Result i) {
        return map("requested", i.requested(), "connected", i.connected(), "connectSeconds", i.connectSeconds(),
                "rssBeforeKb", i.rssBeforeKb(), "rssAfterKb", i.rssAfterKb(),
                "rssBeforeGcKb", i.rssBeforeGcKb(), "rssAfterGcKb", i.rssAfterGcKb(),
                "kbPerConnection", i.kbPerConnection(), "kbPerConnectionWithoutGc", i.kbPerConnectionWithoutGc(),
                "kbPerConnectionAfterGc", i.kbPerConnectionAfterGc(),
                "liveWhileConnectingUs", latency(i.liveWhileConnecting()),
                "liveWhileHoldingUs", latency(i.liveWhileHolding()), "problem", i.problem());
    }

    /** An ordered map from alternating keys and values. */
    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
