package sockets.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one run measured, keyed by target name ({@code chat}, {@code socat}, {@code direct}).
 * A measurement that could not run is absent, with a line in {@link #notes} saying why.
 */
final class Results {
    static final String CHAT = "chat";
    static final String SOCAT = "socat";
    static final String DIRECT = "direct";

    /** When and where: date, machine, JDK, and the options of the run. */
    final Map<String, String> context = new LinkedHashMap<>();
    final Map<String, Latency> roundTrip = new LinkedHashMap<>();
    final Map<String, Throughput.Result> throughput = new LinkedHashMap<>();
    final Map<String, Isolation.Result> isolation = new LinkedHashMap<>();
    IdleClients.Result idle;
    StalledRooms.Result stalled;
    final List<String> notes = new ArrayList<>();

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
