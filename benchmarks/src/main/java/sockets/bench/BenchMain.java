package sockets.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./course bench}: measures the chat server against socat and a direct loopback connection,
 * prints the table and writes {@code bench.md}, {@code bench.json} and {@code latency.svg}.
 * Everything runs on 127.0.0.1; every phase is bounded in count and in time.
 */
public final class BenchMain {
    static final String CHART_FILE = "latency.svg";

    private BenchMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> arguments = List.of(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.println(BenchOptions.USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(arguments);
        } catch (BenchOptions.UsageException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            run(options);
        } catch (FileSystemException e) {
            System.err.println("error: cannot write " + e.getFile() + (e.getReason() == null ? "" : ": " + e.getReason()));
            System.exit(1);
        } catch (IOException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
        // Exit explicitly: a relay thread stuck past its deadline must not keep the JVM alive.
        System.exit(0);
    }

    static void run(BenchOptions options) throws IOException, InterruptedException {
        Files.createDirectories(options.out());
        Path logFile = options.out().resolve("bench.log");
        try (PrintStream log = new PrintStream(Files.newOutputStream(logFile), true, StandardCharsets.UTF_8)) {
            Results results = new Results();
            RunContext.describe(results, options);
            List<Relay> relays = new ArrayList<>();
            try {
                if (options.runs("round-trip") || options.runs("throughput") || options.runs("isolation")) {
                    openRelays(options, results, log, relays);
                }
                for (Relay relay : options.runs("round-trip") ? relays : List.<Relay>of()) {
                    measureRoundTrip(options, results, relay);
                }
                for (Relay relay : options.runs("throughput") ? relays : List.<Relay>of()) {
                    measureThroughput(options, results, relay);
                }
                for (Relay relay : options.runs("isolation") ? relays : List.<Relay>of()) {
                    measureIsolation(options, results, relay);
                }
            } finally {
                relays.forEach(Pair::closeQuietly);
            }
            if (options.runs("idle")) {
                measureIdleClients(options, results, log);
            }
            if (options.runs("stalled")) {
                measureStalledRooms(options, results, log);
            }
            results.context.put("load average at the end", RunContext.loadAverage());
            results.notes.add("server and relay output: " + logFile);
            progress("writing " + options.out().resolve("bench.md") + ", bench.json, " + CHART_FILE);
            writeReports(options, results);
        }
    }

    /** Chat first, then socat, then the floor: the order of every table. A missing target is a note. */
    private static void openRelays(BenchOptions options, Results results, PrintStream log, List<Relay> relays)
            throws IOException {
        if (Files.isRegularFile(options.chatJar())) {
            progress("starting the chat server: " + options.chatJar());
            relays.add(ChatRelay.start(options.java(), options.chatJar(), options.idleClients() + 100, log));
        } else {
            results.notes.add("chat not measured: " + options.chatJar()
                    + " is missing (build it: ./mvnw -q -pl step4-chat-room -am package -DskipTests)");
        }
        String socat = SocatRelay.find();
        if (socat != null) {
            relays.add(new SocatRelay(socat, log));
        } else {
            results.notes.add("socat not measured: it is not installed (e.g. `apt-get install -y socat`)");
        }
        relays.add(new DirectRelay());
    }

    private static void measureRoundTrip(BenchOptions o, Results results, Relay relay) throws InterruptedException {
        progress(String.format(Locale.ROOT, "%s: %,d round trips after %,d warm-up", relay.name(), o.roundTrips(), o.warmups()));
        try (Pair pair = relay.open()) {
            results.roundTrip.put(relay.name(), Latency.of(RoundTrip.measure(pair, o.warmups(), o.roundTrips(), limit(o))));
        } catch (IOException | RuntimeException e) {
            results.notes.add(relay.name() + " round trip failed: " + e.getMessage());
        }
    }

    private static void measureThroughput(BenchOptions o, Results results, Relay relay) throws InterruptedException {
        progress(relay.name() + ": throughput for " + o.throughputMillis() / 1000.0 + " s");
        try {
            results.throughput.put(relay.name(), Throughput.measure(relay, warmupMillis(o), o.throughputMillis()));
        } catch (IOException | RuntimeException e) {
            results.notes.add(relay.name() + " throughput failed: " + e.getMessage());
        }
    }

    private static void measureIsolation(BenchOptions o, Results results, Relay relay) throws InterruptedException {
        progress(String.format(Locale.ROOT, "%s: isolation, %,d round trips quiet then flooded", relay.name(),
                o.isolationRoundTrips()));
        try {
            results.isolation.put(relay.name(), Isolation.measure(relay, o.warmups(), o.isolationRoundTrips(),
                    limit(o), warmupMillis(o)));
        } catch (IOException | RuntimeException e) {
            results.notes.add(relay.name() + " isolation failed: " + e.getMessage());
        }
    }

    /** On a fresh server, so the memory it holds before the clients come is not inflated by the floods above. */
    private static void measureIdleClients(BenchOptions o, Results results, PrintStream log) throws InterruptedException {
        if (!Files.isRegularFile(o.chatJar())) {
            results.notes.add("idle clients not measured: " + o.chatJar() + " is missing");
            return;
        }
        progress(String.format(Locale.ROOT, "chat: %,d idle clients", o.idleClients()));
        try (ChatRelay chat = ChatRelay.start(o.java(), o.chatJar(), o.idleClients() + 100, log)) {
            Path jcmd = o.java().resolveSibling("jcmd");
            results.idle = IdleClients.measure(chat, o.idleClients(), o.quick() ? 200 : 3_000, jcmd, log);
            if (results.idle.rssAfterGcKb() < 0) {
                results.notes.add("no forced GC before reading RSS (" + jcmd + " missing or failed): per-connection memory includes garbage");
            }
        } catch (IOException | RuntimeException e) {
            results.notes.add("idle clients failed: " + e.getMessage());
        }
    }

    /** On a fresh server with a short stall time, so that the drops come within seconds. */
    private static void measureStalledRooms(BenchOptions o, Results results, PrintStream log) throws InterruptedException {
        if (!Files.isRegularFile(o.chatJar())) {
            results.notes.add("stalled rooms not measured: " + o.chatJar() + " is missing");
            return;
        }
        progress(String.format(Locale.ROOT, "chat: %,d stalled rooms (--stall-timeout %d)", o.stalledRooms(),
                StalledRooms.STALL_SECONDS));
        try (ChatRelay chat = ChatRelay.start(o.java(), o.chatJar(), 2 * o.stalledRooms() + 100, log,
                "--stall-timeout", Integer.toString(StalledRooms.STALL_SECONDS))) {
            results.stalled = StalledRooms.measure(chat, o.stalledRooms());
        } catch (IOException | RuntimeException e) {
            results.notes.add("stalled rooms failed: " + e.getMessage());
        }
    }

    private static void writeReports(BenchOptions o, Results results) throws IOException {
        List<Goals.Goal> goals = Goals.evaluate(results);
        String markdown = MarkdownReport.render(results, goals, o.out().resolve(CHART_FILE).toString());
        Files.writeString(o.out().resolve("bench.md"), markdown, StandardCharsets.UTF_8);
        Files.writeString(o.out().resolve("bench.json"), JsonReport.render(results, goals), StandardCharsets.UTF_8);
        Files.writeString(o.out().resolve(CHART_FILE), LatencyChart.svg("Round trip A -> relay -> B -> relay -> A, "
                + RoundTrip.LINE_BYTES + "-byte lines", results.roundTrip), StandardCharsets.UTF_8);
        System.out.print(markdown);
    }

    /** No phase runs longer than this, whatever the counts: a slow relay shows as fewer samples. */
    private static long limit(BenchOptions o) {
        return o.quick() ? 10_000 : 60_000;
    }

    private static long warmupMillis(BenchOptions o) {
        return o.quick() ? 200 : 1_000;
    }

    private static final long START = System.nanoTime();

    private static void progress(String what) {
        System.err.printf(Locale.ROOT, "bench: %5.1f s  %s%n", (System.nanoTime() - START) / 1e9, what);
    }
}
