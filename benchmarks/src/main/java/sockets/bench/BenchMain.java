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
 * {@code ./course bench}: measures the course's two chat servers - step 5's on one thread, step
 * 4's with a thread per client - against {@code ncat --broker}, socat and a direct loopback
 * connection, in one run; prints the table and writes {@code bench.md}, {@code bench.json} and
 * {@code latency.svg}. Everything runs on 127.0.0.1; every phase is bounded in count and in time.
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
            for (String chat : Results.CHATS) {
                if (options.runs("idle")) {
                    measureIdleClients(options, results, log, chat);
                }
            }
            for (String chat : Results.CHATS) {
                if (options.runs("stalled")) {
                    measureStalledRooms(options, results, log, chat);
                }
            }
            if (options.runs("tls")) {
                measureTlsCost(options, results, log);
            }
            results.context.put("load average at the end", RunContext.loadAverage());
            results.notes.add("server and relay output: " + logFile);
            progress("writing " + options.out().resolve("bench.md") + ", bench.json, " + CHART_FILE);
            writeReports(options, results);
        }
    }

    /**
     * Step 5, step 4, ncat, socat, then the floor: the order of every table. A missing target is
     * a note.
     */
    private static void openRelays(BenchOptions options, Results results, PrintStream log, List<Relay> relays)
            throws IOException {
        for (String chat : Results.CHATS) {
            Path jar = options.jarOf(chat);
            if (Files.isRegularFile(jar)) {
                progress("starting the " + chat + " chat server: " + jar);
                relays.add(ChatRelay.start(chat, options.java(), jar, 1_000, log));
            } else {
                results.notes.add(chat + " not measured: " + jar + " is missing (build it: ./mvnw -q package -DskipTests)");
            }
        }
        String ncat = NcatRelay.find();
        if (ncat != null) {
            relays.add(new NcatRelay(ncat, log));
        } else {
            results.notes.add("ncat not measured: it is not installed (e.g. `apt-get install -y ncat`)");
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
    private static void measureIdleClients(BenchOptions o, Results results, PrintStream log, String chat)
            throws InterruptedException {
        Path jar = o.jarOf(chat);
        if (!Files.isRegularFile(jar)) {
            results.notes.add(chat + ": idle clients not measured: " + jar + " is missing");
            return;
        }
        int clients = o.idleClientsFor(chat);
        progress(String.format(Locale.ROOT, "%s: %,d idle clients (in processes of %,d)", chat, clients,
                IdleClients.PER_PROCESS));
        try (ChatRelay server = ChatRelay.start(chat, o.java(), jar, clients + 100, log)) {
            Path jcmd = o.java().resolveSibling("jcmd");
            IdleClients.Result idle = IdleClients.measure(server, clients, o.quick() ? 200 : 3_000, o.java(), jcmd, log);
            results.idle.put(chat, idle);
            if (idle.rssAfterGcKb() < 0) {
                results.notes.add(chat + ": no forced GC before reading RSS (" + jcmd
                        + " missing or failed): per-connection memory includes garbage");
            }
        } catch (IOException | RuntimeException e) {
            results.notes.add(chat + ": idle clients failed: " + e.getMessage());
        }
    }

    /** On a fresh server with a short stall time, so that the drops come within seconds. */
    private static void measureStalledRooms(BenchOptions o, Results results, PrintStream log, String chat)
            throws InterruptedException {
        Path jar = o.jarOf(chat);
        if (!Files.isRegularFile(jar)) {
            results.notes.add(chat + ": stalled rooms not measured: " + jar + " is missing");
            return;
        }
        progress(String.format(Locale.ROOT, "%s: %,d stalled rooms (--stall-timeout %d)", chat, o.stalledRooms(),
                StalledRooms.STALL_SECONDS));
        try (ChatRelay server = ChatRelay.start(chat, o.java(), jar, 2 * o.stalledRooms() + 100, log,
                "--stall-timeout", Integer.toString(StalledRooms.STALL_SECONDS))) {
            results.stalled.put(chat, StalledRooms.measure(server, o.stalledRooms()));
        } catch (IOException | RuntimeException e) {
            results.notes.add(chat + ": stalled rooms failed: " + e.getMessage());
        }
    }

    /**
     * Two fresh servers of step 4's chat.jar (the chat with TLS), one plain, one with --tls (a
     * certificate made in a folder of its own).
     */
    private static void measureTlsCost(BenchOptions o, Results results, PrintStream log) throws InterruptedException {
        if (!Files.isRegularFile(o.chatJar())) {
            results.notes.add("TLS's cost not measured: " + o.chatJar() + " is missing");
            return;
        }
        progress(String.format(Locale.ROOT, "step 4 and step 4 --tls: %,d connections to the welcome each, %,d round trips",
                o.tlsConnections(), o.roundTrips()));
        Path config = null;
        try {
            config = Files.createTempDirectory("bench-tls");
            try (ChatRelay plain = ChatRelay.start(Results.STEP4, o.java(), o.chatJar(), 1_000, log);
                 TlsChatRelay tls = TlsChatRelay.start(o.java(), o.chatJar(), log, config)) {
                results.tls = TlsCost.measure(plain, tls, o.tlsConnections(), o.warmups(), o.roundTrips(), limit(o));
            }
        } catch (IOException | RuntimeException e) {
            results.notes.add("TLS's cost not measured: " + e.getMessage());
        } finally {
            deleteQuietly(config);
        }
    }

    /** The TLS server's folder: its certificate, made for this run only. */
    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind: harmless.
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
