package sockets.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Thousands of clients that connect and then say nothing: what each costs the chat server in
 * resident memory, how long connecting them all takes, and whether a live room stays responsive.
 * The clients live in processes of their own ({@link IdleHolder}, at most
 * {@link #PER_PROCESS} each), so that neither they nor this process run out of descriptors.
 */
final class IdleClients {
    /** Clients per holding process: well under the 20,000 descriptors a process may have here. */
    static final int PER_PROCESS = 5_000;
    private static final long LIVE_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long PHASE_LIMIT_MILLIS = 180_000;

    /**
     * RSS in KB before and after, both when settled on its own and after a forced GC; the live
     * room's latency while the clients connect and while they stay.
     */
    record Result(int requested, int connected, double connectSeconds,
                  long rssBeforeKb, long rssAfterKb, long rssBeforeGcKb, long rssAfterGcKb,
                  Latency liveWhileConnecting, Latency liveWhileHolding, String problem) {

        /**
         * Server memory per idle connection in KB: the larger of the two ways of reading it, since
         * a forced full GC can raise RSS (it touches heap pages) as well as lower it.
         */
        double kbPerConnection() {
            double withGc = kbPerConnectionAfterGc();
            return Double.isNaN(withGc) ? kbPerConnectionWithoutGc() : Math.max(withGc, kbPerConnectionWithoutGc());
        }

        double kbPerConnectionAfterGc() {
            return rssBeforeGcKb > 0 && rssAfterGcKb > 0 && connected > 0
                    ? (double) (rssAfterGcKb - rssBeforeGcKb) / connected : Double.NaN;
        }

        double kbPerConnectionWithoutGc() {
            return connected == 0 ? Double.NaN : (double) (rssAfterKb - rssBeforeKb) / connected;
        }
    }

    private IdleClients() {
    }

    /**
     * {@code liveRoundTrips}: how long the live room goes on chatting once everyone is in (one per
     * ms); {@code java} runs the holding processes.
     */
    static Result measure(ChatRelay chat, int count, int liveRoundTrips, Path java, Path jcmd, PrintStream log)
            throws IOException, InterruptedException {
        List<Holder> holders = new ArrayList<>();
        try (Pair live = chat.open()) {
            RoundTrip.measure(live, 2_000, 0, 10_000); // warm the live room's path first
            long before = ProcessRss.settledKb(chat.pid());
            long beforeGc = ProcessRss.collectGarbage(jcmd, chat.pid(), log) ? ProcessRss.settledKb(chat.pid()) : -1;

            // 1. The live room chats (one round trip per millisecond) while the others connect, one
            //    holding process after the other (all at once, their start-up would be measured too).
            long start = System.nanoTime();
            Histogram whileConnecting = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
            for (int from = 0, process = 0; from < count; from += PER_PROCESS, process++) {
                // Each process its own source address: its own 28,000 ephemeral ports.
                Holder holder = new Holder(java, chat, "127.0.0." + (2 + process), Math.min(PER_PROCESS, count - from), log);
                holders.add(holder);
                whileConnecting.add(RoundTrip.measure(live, 0, Integer.MAX_VALUE, PHASE_LIMIT_MILLIS,
                        LIVE_PAUSE_NANOS, () -> !holder.done()));
            }
            double connectSeconds = (System.nanoTime() - start) / 1e9;
            int connected = 0;
            String problem = null;
            for (Holder holder : holders) {
                connected += holder.held();
                problem = problem != null ? problem : holder.problem();
            }

            // 2. Everyone is in: the live room goes on chatting while the others stay idle.
            Histogram whileHolding = RoundTrip.measure(live, 0, liveRoundTrips, 30_000, LIVE_PAUSE_NANOS, () -> true);
            long after = ProcessRss.settledKb(chat.pid());
            long afterGc = beforeGc > 0 && ProcessRss.collectGarbage(jcmd, chat.pid(), log)
                    ? ProcessRss.settledKb(chat.pid()) : -1;
            return new Result(count, connected, connectSeconds, before, after, beforeGc, afterGc,
                    Latency.of(whileConnecting), Latency.of(whileHolding), problem);
        } finally {
            holders.forEach(Holder::close);
        }
    }

    /** One {@link IdleHolder} process and what it said. */
    private static final class Holder implements AutoCloseable {
        private final Process process;
        private final int count;
        private volatile String said;

        Holder(Path java, ChatRelay chat, String source, int count, PrintStream log) throws IOException {
            this.count = count;
            this.process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                    IdleHolder.class.getName(), chat.address().getHostString(), Integer.toString(chat.address().getPort()),
                    source, Integer.toString(count)).redirectErrorStream(true).start();
            ProcessLines output = new ProcessLines(process.getInputStream(), log, "idle clients from " + source + ": ");
            Thread.ofVirtual().start(() -> {
                try {
                    String line = output.await(l -> l.startsWith(IdleHolder.HELD) || l.startsWith(IdleHolder.FAILED),
                            PHASE_LIMIT_MILLIS);
                    said = line != null ? line : IdleHolder.FAILED + "no answer within " + PHASE_LIMIT_MILLIS / 1000 + " s";
                } catch (InterruptedException e) {
                    said = IdleHolder.FAILED + "interrupted";
                }
            });
        }

        boolean done() {
            return said != null;
        }

        int held() {
            return said != null && said.startsWith(IdleHolder.HELD) ? count : 0;
        }

        String problem() {
            return said == null || said.startsWith(IdleHolder.HELD) ? null : said.substring(IdleHolder.FAILED.length());
        }

        /** Closing its stdin ends it: it closes its clients and exits. */
        @Override
        public void close() {
            try {
                process.getOutputStream().close();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (IOException | InterruptedException e) {
                process.destroyForcibly();
            }
        }
    }
}
