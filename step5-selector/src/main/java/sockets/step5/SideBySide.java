package sockets.step5;

import static sockets.step1.tour.TourScript.say;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import sockets.step4.ChatServer;

/**
 * Tour phase 5: the same clients on step 4's server (a virtual thread per client) and on step 5's
 * (one thread), each in a JVM of its own so that nothing else blurs the figures: the JVM's
 * threads, its memory (RSS) per idle client, and a room's round trip while the others are idle.
 */
final class SideBySide {

    static final int CLIENTS = 2_000;
    private static final int ROUND_TRIPS = 3_000;

    /** What one server cost: platform threads before and with the clients, RSS growth in KB, round trip p50 in us. */
    record Cost(int threadsBefore, int threadsWith, long rssGrowthKb, double p50Us) {}

    private SideBySide() {}

    /** In a child JVM: {@code step4|step5}; prints the four figures of {@link Cost}. */
    public static void main(String[] args) throws Exception {
        Cost cost = measure(args[0].equals("step4"));
        System.out.println(cost.threadsBefore() + " " + cost.threadsWith() + " " + cost.rssGrowthKb() + " "
                + String.format(Locale.ROOT, "%.1f", cost.p50Us()));
    }

    static void compare() throws IOException, InterruptedException {
        Cost step4 = inChildJvm("step4");
        Cost step5 = inChildJvm("step5");
        say("%-36s %-22s %s", "", "step 4 (a thread each)", "step 5 (one thread)");
        say("%-36s %-22s %s", "platform threads in the JVM", step4.threadsBefore() + " -> " + step4.threadsWith(),
                step5.threadsBefore() + " -> " + step5.threadsWith());
        say("%-36s %-22s %s", "memory (RSS) per idle client", perClient(step4), perClient(step5));
        say("%-36s %-22s %s", "x 1 M idle clients", perMillion(step4), perMillion(step5));
        say("%-36s %-22s %s", "a room's round trip, p50", String.format(Locale.ROOT, "%.0f us", step4.p50Us()),
                String.format(Locale.ROOT, "%.0f us", step5.p50Us()));
        say("(both ends in one JVM, the clients' side as small as it gets; step 4's threads are virtual: its memory shows them)");
    }

    private static String perClient(Cost cost) {
        return cost.rssGrowthKb() < 0 ? "not measured"
                : String.format(Locale.ROOT, "%.1f KB", (double) cost.rssGrowthKb() / CLIENTS);
    }

    /**
     * The memory per idle client times a million, in GB of 1,024 MB of 1,024 KB: what a million
     * clients would cost at the same rate (the kernel's socket buffers are not in RSS).
     */
    private static String perMillion(Cost cost) {
        return cost.rssGrowthKb() < 0 ? "not measured"
                : String.format(Locale.ROOT, "%.1f GB", (double) cost.rssGrowthKb() / CLIENTS * 1_000_000 / 1024 / 1024);
    }

    static Cost measure(boolean step4) throws Exception {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        System.gc(); // garbage would count as memory: collect it before each reading
        long rssBefore = rssKb();
        ChatServer threads = step4 ? ChatServer.start(TourPhases.forMany(), quiet) : null;
        SelectorServer loop = step4 ? null : SelectorServer.start(TourPhases.forMany(), quiet);
        int port = step4 ? threads.port() : loop.port();
        List<Socket> clients = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(TourClient.idle(port)); // a bare socket: the clients' side costs little
            }
            int threadsWith = ManagementFactory.getThreadMXBean().getThreadCount();
            System.gc();
            long rssWith = rssKb();
            // Two newcomers are paired; they chat while the others sit idle. b connects once a waits:
            // on step 4 each has a thread of its own, and b's could reach the lobby first.
            try (TourClient a = new TourClient(port); TourClient b = a.waitingThenPartner(port)) {
                b.readUntil("chatting with");
                a.readUntil("joined");
                long[] nanos = new long[ROUND_TRIPS];
                for (int i = 0; i < ROUND_TRIPS; i++) {
                    long start = System.nanoTime();
                    a.send("ping");
                    b.readLine();
                    b.send("pong");
                    a.readLine();
                    nanos[i] = System.nanoTime() - start;
                }
                Arrays.sort(nanos, ROUND_TRIPS / 3, ROUND_TRIPS); // the first third warms up
                return new Cost(threadsBefore, threadsWith, rssBefore < 0 ? -1 : rssWith - rssBefore,
                        nanos[ROUND_TRIPS / 3 + (ROUND_TRIPS - ROUND_TRIPS / 3) / 2] / 1000.0);
            }
        } finally {
            for (Socket client : clients) {
                client.close();
            }
            if (threads != null) {
                threads.close();
            }
            if (loop != null) {
                loop.close();
            }
        }
    }

    /** Runs {@link #main} in a new JVM (the same java, the same classes) and reads its figures. */
    private static Cost inChildJvm(String which) throws IOException, InterruptedException {
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        var classPath = new LinkedHashSet<String>();
        for (Class<?> used : List.of(SideBySide.class, ChatServer.class, sockets.step3.EchoServer.class,
                sockets.step2.Failures.class, sockets.step1.Endpoints.class)) {
            classPath.add(Path.of(URI.create(used.getProtectionDomain().getCodeSource().getLocation().toString())).toString());
        }
        Process child = new ProcessBuilder(javaCommand, "-cp", String.join(File.pathSeparator, classPath),
                SideBySide.class.getName(), which).redirectErrorStream(true).start();
        String printed = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!child.waitFor(60, TimeUnit.SECONDS) || child.exitValue() != 0
                || !printed.matches("\\d+ \\d+ -?\\d+ [0-9.]+")) {
            child.destroyForcibly();
            var stub = java.util.regex.Pattern.compile("Exercise \\d+\\.\\d+: .*").matcher(printed);
            if (stub.find()) {
                throw new UnsupportedOperationException(stub.group()); // not done yet in the student edition
            }
            throw new IOException("the measuring JVM failed: " + printed.lines().findFirst().orElse("(no output)"));
        }
        String[] figures = printed.split(" ");
        return new Cost(Integer.parseInt(figures[0]), Integer.parseInt(figures[1]), Long.parseLong(figures[2]),
                Double.parseDouble(figures[3]));
    }

    /** This process's resident memory in KB, from Linux's /proc; -1 where there is none. */
    private static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Not Linux: "not measured".
        }
        return -1;
    }
}
