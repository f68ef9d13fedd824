package sockets.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * Thousands of clients that connect and then say nothing: what each costs the chat server in
 * resident memory, how long connecting them all takes, and whether a live room stays responsive.
 */
final class IdleClients {
    private static final int CONNECTING_THREADS = 4;
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

    /** {@code liveRoundTrips}: how long the live room goes on chatting once everyone is in (one per ms). */
    static Result measure(ChatRelay chat, int count, int liveRoundTrips, Path jcmd, PrintStream log)
            throws IOException, InterruptedException {
        List<Socket> idle = new ArrayList<>(count);
        try (Pair live = chat.open()) {
            RoundTrip.measure(live, 2_000, 0, 10_000); // warm the live room's path first
            long before = ProcessRss.settledKb(chat.pid());
            long beforeGc = ProcessRss.collectGarbage(jcmd, chat.pid(), log) ? ProcessRss.settledKb(chat.pid()) : -1;

            // 1. The live room chats (one round trip per millisecond) while the others connect.
            long start = System.nanoTime();
            Connector connector = new Connector(chat, count, idle);
            Thread[] threads = new Thread[CONNECTING_THREADS];
            for (int i = 0; i < threads.length; i++) {
                threads[i] = new Thread(connector::run, "connector " + i);
                threads[i].start();
            }
            Histogram whileConnecting = RoundTrip.measure(live, 0, Integer.MAX_VALUE, PHASE_LIMIT_MILLIS,
                    LIVE_PAUSE_NANOS, connector::stillConnecting);
            for (Thread thread : threads) {
                thread.join(PHASE_LIMIT_MILLIS);
            }
            double connectSeconds = (System.nanoTime() - start) / 1e9;

            // 2. Everyone is in: the live room goes on chatting while the others stay idle.
            Histogram whileHolding = RoundTrip.measure(live, 0, liveRoundTrips, 30_000, LIVE_PAUSE_NANOS, () -> true);
            long after = ProcessRss.settledKb(chat.pid());
            long afterGc = beforeGc > 0 && ProcessRss.collectGarbage(jcmd, chat.pid(), log)
                    ? ProcessRss.settledKb(chat.pid()) : -1;
            return new Result(count, connector.connected(), connectSeconds, before, after, beforeGc, afterGc,
                    Latency.of(whileConnecting), Latency.of(whileHolding), connector.problem);
        } finally {
            synchronized (idle) {
                idle.forEach(Pair::closeQuietly);
            }
        }
    }

    /** Hands out client numbers to the connecting threads; the first failure stops them all. */
    private static final class Connector {
        private final ChatRelay chat;
        private final int count;
        private final List<Socket> idle;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger connected = new AtomicInteger();
        private final AtomicInteger running = new AtomicInteger(CONNECTING_THREADS);
        private final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PHASE_LIMIT_MILLIS);
        private volatile String problem;

        Connector(ChatRelay chat, int count, List<Socket> idle) {
            this.chat = chat;
            this.count = count;
            this.idle = idle;
        }

        boolean stillConnecting() {
            return running.get() > 0;
        }

        int connected() {
            return connected.get();
        }

        void run() {
            try {
                while (problem == null && next.getAndIncrement() < count) {
                    if (System.nanoTime() - deadline > 0) {
                        problem = "connecting took longer than " + PHASE_LIMIT_MILLIS / 1000 + " s";
                        return; // the phase's time limit
                    }
                    connectOne();
                } // all handed out, or a failure stopped everyone
            } catch (IOException e) {
                if (problem == null) {
                    problem = "client " + (connected.get() + 1) + " of " + count + " failed: " + e.getMessage();
                }
            } finally {
                running.decrementAndGet();
            }
        }

        /** Connected means welcomed: the server has accepted us and written its first line. */
        private void connectOne() throws IOException {
            Socket socket = Pair.connect(chat.address());
            synchronized (idle) {
                idle.add(socket);
            }
            String first = firstLine(socket.getInputStream());
            if (!first.startsWith("* ")) {
                throw new IOException("the server answered '" + first + "' instead of a `* ` welcome");
            }
            connected.incrementAndGet();
        }

        /** The first line, read into a small buffer: thousands of clients must not each get 64 KB. */
        private static String firstLine(InputStream in) throws IOException {
            byte[] buffer = new byte[512];
            int length = 0;
            while (length < buffer.length) {
                int n = in.read(buffer, length, buffer.length - length);
                if (n < 0) {
                    break; // the server closed the connection
                }
                for (int i = length; i < length + n; i++) {
                    if (buffer[i] == '\n') {
                        return new String(buffer, 0, i, StandardCharsets.UTF_8); // a whole line
                    }
                }
                length += n;
            }
            return new String(buffer, 0, length, StandardCharsets.UTF_8);
        }
    }
}
