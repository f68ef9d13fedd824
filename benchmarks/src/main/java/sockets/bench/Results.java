package sockets.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one run measured, keyed by target name ({@code step 5}, {@code step 4}, {@code ncat},
 * {@code socat}, {@code direct}); TLS's cost on its own ({@link #tls}, step 4's chat). A measurement that could not run is absent, with a line in
 * {@link #notes} saying why.
 */
final class Results {
    /** Step 5's chat server: one thread and a Selector. */
    static final String STEP5 = "step 5";
    /** Step 4's chat server: a thread per client. */
    static final String STEP4 = "step 4";
    static final String NCAT = "ncat";
    static final String SOCAT = "socat";
    static final String DIRECT = "direct";
    /** The two chat servers, the course's own: each is compared with its references. */
    static final java.util.List<String> CHATS = java.util.List.of(STEP5, STEP4);

    /** When and where: date, machine, JDK, and the options of the run. */
    final Map<String, String> context = new LinkedHashMap<>();
    final Map<String, Latency> roundTrip = new LinkedHashMap<>();
    final Map<String, Throughput.Result> throughput = new LinkedHashMap<>();
    final Map<String, Isolation.Result> isolation = new LinkedHashMap<>();
    /** Per chat server (the references have no lobby to hold idle clients or stall rooms in). */
    final Map<String, IdleClients.Result> idle = new LinkedHashMap<>();
    final Map<String, StalledRooms.Result> stalled = new LinkedHashMap<>();
    /** Step 4's chat, plain and with TLS (step 5 has no TLS). */
    TlsCost.Result tls;
    final List<String> notes = new ArrayList<>();

    /** The ratios every report shows: each chat server against its references (and step 5 against step 4). */
    static final java.util.List<java.util.List<String>> COMPARISONS = java.util.List.of(
            java.util.List.of(STEP5, DIRECT), java.util.List.of(STEP5, NCAT), java.util.List.of(STEP5, STEP4),
            java.util.List.of(STEP4, DIRECT), java.util.List.of(STEP4, SOCAT));

    /** a / b for two targets' values, or NaN when either is missing. */
    static double ratio(Double a, Double b) {
        return a == null || b == null || b == 0 ? Double.NaN : a / b;
    }

    Double p50(String target) {
        Latency latency = roundTrip.get(target);
        return latency == null ? null : latency.p50Us();
    }

    Double p99(String target) {
        Latency latency = roundTrip.get(target);
        return latency == null ? null : latency.p99Us();
    }

    Double p999(String target) {
        Latency latency = roundTrip.get(target);
        return latency == null ? null : latency.p999Us();
    }

    Double linesPerSecond(String target) {
        Throughput.Result result = throughput.get(target);
        return result == null ? null : result.linesPerSecond();
    }
}
