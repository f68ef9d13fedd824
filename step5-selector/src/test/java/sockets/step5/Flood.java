package sockets.step5;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import sockets.testing.Background;
import sockets.testing.LoopbackClient;

/**
 * A client that sends numbered 100-byte lines as fast as TCP takes them, on a thread of its own:
 * {@code line 0000042 xxxx...}. Its writes block once the server stops reading it.
 */
final class Flood {

    static final int LINE_BYTES = 100;

    final AtomicLong written = new AtomicLong();
    final CompletableFuture<Long> done = new CompletableFuture<>();

    private Flood() {}

    /** Starts sending {@code lines} lines from {@code from}, 1,000 per write. */
    static Flood start(Socket from, int lines) {
        Flood flood = new Flood();
        Background.THREADS.execute(() -> {
            try {
                OutputStream out = from.getOutputStream();
                StringBuilder batch = new StringBuilder();
                for (int i = 0; i < lines; i++) {
                    batch.append(line(i)).append('\n');
                    if (batch.length() >= 1000 * LINE_BYTES || i == lines - 1) {
                        out.write(batch.toString().getBytes(StandardCharsets.US_ASCII));
                        flood.written.set(i + 1);
                        batch.setLength(0);
                    }
                }
                flood.done.complete(flood.written.get());
            } catch (IOException e) {
                flood.done.complete(flood.written.get()); // closed under us: the test is over
            }
        });
        return flood;
    }

    /** Line {@code i} as sent, without its LF: 99 characters. */
    static String line(int i) {
        String number = Integer.toString(i);
        return "line " + "0".repeat(7 - number.length()) + number + " " + FILLER;
    }

    private static final String FILLER = "x".repeat(LINE_BYTES - 1 - "line 0000000 ".length());

    /** A buffered reader on a raw client's socket, for reading megabytes; each read waits at most 5 s. */
    static BufferedReader reader(LoopbackClient client) throws IOException {
        client.socket().setSoTimeout(5_000);
        return new BufferedReader(new InputStreamReader(client.socket().getInputStream(), StandardCharsets.UTF_8),
                1 << 16);
    }
}
