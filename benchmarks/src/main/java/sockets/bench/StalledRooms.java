package sockets.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Rooms whose senders flood partners that never read: every flooded outbox fills, every sender
 * waits, and after the stall time the server drops them. Meanwhile newcomers arrive: how long
 * until each is welcomed? And are all the stalled clients dropped in the end?
 */
final class StalledRooms {
    /** The server's --stall-timeout for this phase, in seconds: the drops come within a few of them. */
    static final int STALL_SECONDS = 2;
    private static final int NEWCOMERS = 10;
    private static final long NEWCOMER_PAUSE_MILLIS = 200;
    private static final long DROP_LIMIT_MILLIS = 120_000;
    private static final byte[] LINE = ("f".repeat(3999) + "\n").getBytes(StandardCharsets.UTF_8);

    /** Newcomers' wait for their first line; how long until every stalled client was dropped (NaN: not all were). */
    record Result(int rooms, Latency newcomerWelcome, double allDroppedSeconds, int stillConnected, String problem) {
    }

    private StalledRooms() {
    }

    static Result measure(ChatRelay chat, int rooms) throws IOException, InterruptedException {
        List<Socket> sleepers = new ArrayList<>();
        List<Socket> flooders = new ArrayList<>();
        try {
            // 1. The rooms, one after another: a sleeper waits, a flooder is paired with it.
            for (int i = 0; i < rooms; i++) {
                sleepers.add(stalledClient(chat, "* waiting for a partner"));
                flooders.add(stalledClient(chat, "* you are chatting with"));
            }
            // 2. Every flooder sends 4,000-byte lines until the server closes its connection.
            long start = System.nanoTime();
            CountDownLatch floodsEnded = new CountDownLatch(rooms);
            for (Socket flooder : flooders) {
                Thread.ofVirtual().start(() -> {
                    flood(flooder);
                    floodsEnded.countDown();
                });
            }
            // 3. Newcomers arrive while the rooms stall: each is timed to its first line.
            Histogram welcome = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
            String problem = null;
            for (int i = 0; i < NEWCOMERS && problem == null; i++) {
                Thread.sleep(NEWCOMER_PAUSE_MILLIS);
                long asked = System.nanoTime();
                try (Socket newcomer = Pair.connect(chat.address())) {
                    String first = firstLine(newcomer.getInputStream());
                    if (!first.startsWith("* welcome")) {
                        problem = "a newcomer got '" + first + "' instead of a welcome";
                    }
                } catch (IOException e) {
                    problem = "a newcomer failed: " + e.getMessage();
                }
                welcome.recordValue(Math.max(1, System.nanoTime() - asked));
            }
            // 4. All dropped: every flood ended (the server closed the flooder), every sleeper closed.
            boolean floodsDone = floodsEnded.await(DROP_LIMIT_MILLIS, TimeUnit.MILLISECONDS);
            double seconds = (System.nanoTime() - start) / 1e9;
            int open = (int) floodsEnded.getCount();
            for (Socket sleeper : sleepers) {
                open += closedByServer(sleeper) ? 0 : 1;
            }
            return new Result(rooms, Latency.of(welcome), floodsDone && open == 0 ? seconds : Double.NaN, open, problem);
        } finally {
            sleepers.forEach(Pair::closeQuietly);
            flooders.forEach(Pair::closeQuietly);
        }
    }

    /** A client that reads only its first lines, up to {@code until}, with small buffers: then never again. */
    private static Socket stalledClient(ChatRelay chat, String until) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(8 * 1024);
        socket.setSendBufferSize(8 * 1024);
        socket.connect(chat.address(), Pair.TIMEOUT_MILLIS);
        socket.setSoTimeout(Pair.TIMEOUT_MILLIS);
        String line;
        do {
            line = firstLine(socket.getInputStream());
        } while (!line.startsWith(until) && !line.isEmpty());
        if (line.isEmpty()) {
            throw new IOException("the server closed a client before '" + until + "'");
        }
        return socket;
    }

    private static void flood(Socket socket) {
        try {
            OutputStream out = socket.getOutputStream();
            while (true) {
                out.write(LINE);
            }
        } catch (IOException e) {
            // The server closed the connection: this client was dropped.
        }
    }

    /** Reads what the server had sent, up to its end of stream (true) or a time-out (false: still open). */
    private static boolean closedByServer(Socket sleeper) {
        try {
            sleeper.setSoTimeout(2_000);
            InputStream in = sleeper.getInputStream();
            byte[] buffer = new byte[64 * 1024];
            while (in.read(buffer) != -1) {
                // What waited in the kernel for it before the drop.
            }
            return true;
        } catch (IOException e) {
            return !(e instanceof java.net.SocketTimeoutException); // a reset is a close too
        }
    }

    /** One line, read a byte at a time (these clients must not read ahead); "" at end of stream. */
    private static String firstLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            line.append((char) b);
        }
        return line.toString();
    }
}
