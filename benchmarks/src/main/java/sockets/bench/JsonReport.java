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
        Map<String, Object> idle = new LinkedHashMap<>();
        r.idle.forEach((chat, i) -> idle.put(chat, idle(i)));
        root.put("idleClients", idle);
        Map<String, Object> isolation = new LinkedHashMap<>();
        r.isolation.forEach((target, i) -> isolation.put(target, map("quiet", latency(i.quiet()),
                "flooded", latency(i.flooded()), "p99Ratio", i.p99Ratio(),
                "floodLinesPerSecond", i.floodLinesPerSecond(), "problem", i.problem())));
        root.put("isolation", isolation);
        Map<String, Object> stalled = new LinkedHashMap<>();
        r.stalled.forEach((chat, s) -> stalled.put(chat, map("rooms", s.rooms(),
                "newcomerWelcomeUs", latency(s.newcomerWelcome()), "allDroppedSeconds", s.allDroppedSeconds(),
                "stillConnected", s.stillConnected(), "problem", s.problem())));
        root.put("stalledRooms", stalled);
        root.put("tls", r.tls == null ? null : map("plainWelcomeUs", latency(r.tls.plainWelcome()),
                "tlsWelcomeUs", latency(r.tls.tlsWelcome()), "handshakeUs", latency(r.tls.handshake()),
                "plainRoundTripUs", latency(r.tls.plainRoundTrip()), "tlsRoundTripUs", latency(r.tls.tlsRoundTrip()),
                "welcomeRatio", r.tls.welcomeRatio(), "roundTripRatio", r.tls.roundTripRatio()));
        List<Object> goalList = new ArrayList<>();
        for (Goals.Goal g : goals) {
            goalList.add(map("server", g.chat(), "goal", g.goal(), "measured", g.measured(),
                    "status", g.status().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    "why", g.status() == Goals.Status.MISSED ? g.why() : null));
        }
        root.put("goals", goalList);
        root.put("notes", r.notes);
        return Json.write(root);
    }

    private static Map<String, Object> ratios(Results r) {
        Map<String, Object> ratios = new LinkedHashMap<>();
        for (List<String> pair : Results.COMPARISONS) {
            String a = pair.get(0);
            String b = pair.get(1);
            ratios.put(a + "/" + b, map(
                    "p50", Results.ratio(r.p50(a), r.p50(b)),
                    "p99", Results.ratio(r.p99(a), r.p99(b)),
                    "p99.9", Results.ratio(r.p999(a), r.p999(b)),
                    "throughput", Results.ratio(r.linesPerSecond(a), r.linesPerSecond(b))));
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
