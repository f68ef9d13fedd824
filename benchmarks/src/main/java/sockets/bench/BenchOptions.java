package sockets.bench;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The command line of {@code ./course bench}. {@code --quick} shrinks every count so a run takes
 * seconds (CI's smoke test); the other options override one figure each.
 */
record BenchOptions(boolean quick, int warmups, int roundTrips, int isolationRoundTrips, long throughputMillis,
                    int idleClients, int stalledRooms, int tlsConnections, Path chatJar, Path selectorJar, Path out,
                    Path java, Set<String> phases) {

    /** Idle clients each chat is measured with by default: the count its goal names. */
    static final int STEP4_IDLE_CLIENTS = 8_000;
    static final int STEP5_IDLE_CLIENTS = 19_000;

    /** The measurements, in the order they run; {@code --only} picks some of them. */
    static final List<String> PHASES = List.of("round-trip", "throughput", "isolation", "idle", "stalled", "tls");

    static final String USAGE = """
            usage: bench [--quick] [--round-trips N] [--warmup N] [--clients N] [--rooms N] [--seconds S]
                         [--connections N] [--only PHASES] [--chat-jar FILE] [--selector-jar FILE] [--out DIR]
                         [--java FILE]
              --quick              small counts, a few seconds (a smoke test: numbers are not meaningful)
              --round-trips N      measured round trips per target after warm-up (default 100000)
              --warmup N           unmeasured round trips first (default 20000)
              --clients N          idle clients held at once by each chat server (default: its goal's,
                                   8000 for step 4, 19000 for step 5; held by processes of 5000 each)
              --rooms N            stalled rooms: senders flooding partners that never read (default 500)
              --seconds S          throughput window per target, after 1 s of warm-up (default 3)
              --connections N      connections timed to their welcome, plain and TLS (default 1000)
              --only PHASES        some of round-trip,throughput,isolation,idle,stalled,tls (default: all)
              --chat-jar FILE      step 4's chat (default step4-chat-room/target/chat.jar; TLS is step 4's)
              --selector-jar FILE  step 5's chat (default step5-selector/target/chat.jar)
              --out DIR            where bench.md, bench.json and latency.svg go (default target/bench)
              --java FILE          the java that runs the chat servers (default: the one running this)
            ncat (ncat --broker) and socat are measured when installed; the chats when their jar is there.""";

    private static final List<String> WITH_VALUE = List.of("--round-trips", "--warmup", "--clients", "--rooms",
            "--seconds", "--connections", "--only", "--chat-jar", "--selector-jar", "--out", "--java");

    /** A command line that cannot be understood: the message, then the usage. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static BenchOptions parse(List<String> args) throws UsageException {
        boolean quick = args.contains("--quick");
        int warmups = quick ? 500 : 20_000;
        int roundTrips = quick ? 2_000 : 100_000;
        long throughputMillis = quick ? 500 : 3_000;
        int clients = quick ? 200 : 0; // 0: each chat its goal's count
        int rooms = quick ? 20 : 500;
        int connections = quick ? 20 : 1_000;
        Path chatJar = Path.of("step4-chat-room", "target", "chat.jar");
        Path selectorJar = Path.of("step5-selector", "target", "chat.jar");
        Path out = Path.of("target", "bench");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Set<String> phases = new LinkedHashSet<>(PHASES);
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (option.equals("--quick")) {
                continue; // read above, before the defaults it changes
            }
            if (!WITH_VALUE.contains(option)) {
                throw new UsageException("unknown option: " + option);
            }
            if (i + 1 >= args.size()) {
                throw new UsageException(option + " needs a value");
            }
            String value = args.get(++i);
            switch (option) {
                case "--round-trips" -> roundTrips = positive(option, value);
                case "--warmup" -> warmups = positive(option, value);
                case "--clients" -> clients = positive(option, value);
                case "--rooms" -> rooms = positive(option, value);
                case "--seconds" -> throughputMillis = 1000L * positive(option, value);
                case "--connections" -> connections = positive(option, value);
                case "--only" -> phases = phases(value);
                case "--chat-jar" -> chatJar = Path.of(value);
                case "--selector-jar" -> selectorJar = Path.of(value);
                case "--out" -> out = Path.of(value);
                case "--java" -> java = Path.of(value);
                default -> throw new IllegalStateException("listed in WITH_VALUE but not handled: " + option);
            }
        }
        // Isolation measures twice per target: a fifth of the round trips each keeps the run short.
        int isolationRoundTrips = Math.max(1_000, roundTrips / 5);
        return new BenchOptions(quick, warmups, roundTrips, isolationRoundTrips, throughputMillis, clients, rooms,
                connections, chatJar, selectorJar, out, java, Set.copyOf(phases));
    }

    /** The idle clients {@code chat} ({@link Results#STEP4} or {@link Results#STEP5}) is measured with. */
    int idleClientsFor(String chat) {
        if (idleClients > 0) {
            return idleClients;
        }
        return chat.equals(Results.STEP5) ? STEP5_IDLE_CLIENTS : STEP4_IDLE_CLIENTS;
    }

    /** The jar of {@code chat}. */
    Path jarOf(String chat) {
        return chat.equals(Results.STEP5) ? selectorJar : chatJar;
    }

    boolean runs(String phase) {
        return phases.contains(phase);
    }

    private static Set<String> phases(String list) throws UsageException {
        Set<String> phases = new LinkedHashSet<>();
        for (String phase : list.split(",")) {
            if (!PHASES.contains(phase.trim())) {
                throw new UsageException("unknown phase '" + phase.trim() + "' - pick from " + String.join(",", PHASES));
            }
            phases.add(phase.trim());
        }
        return phases;
    }

    private static int positive(String option, String value) throws UsageException {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new UsageException(option + " needs a positive whole number, not '" + value + "'");
    }
}
