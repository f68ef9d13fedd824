package sockets.bench;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * What TLS costs the chat, side by side on two servers of the same chat.jar (one plain, one
 * {@code --tls}): the time from {@code connect()} to the server's welcome line, the TLS handshake
 * alone, and the relay's round trip. Connections are made one after another from one thread.
 */
final class TlsCost {
    private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(60);

    private TlsCost() {
    }

    /** Everything in microseconds; {@code handshake} is the TLS handshake alone, from TCP connected to TLS finished. */
    record Result(Latency plainWelcome, Latency tlsWelcome, Latency handshake, Latency plainRoundTrip,
                  Latency tlsRoundTrip) {
        double welcomeRatio() {
            return Results.ratio(tlsWelcome.p50Us(), plainWelcome.p50Us());
        }

        double roundTripRatio() {
            return Results.ratio(tlsRoundTrip.p50Us(), plainRoundTrip.p50Us());
        }
    }

    static Result measure(ChatRelay plain, TlsChatRelay tls, int connections, int warmups, int roundTrips,
                          long limitMillis) throws IOException {
        Histogram handshakes = new Histogram(HIGHEST_NANOS, 3);
        // Warm both up the same way first (class loading, JIT), then alternate: load moves both alike.
        welcomes(plain, tls, Math.max(10, connections / 10), new Histogram(HIGHEST_NANOS, 3), new Histogram(HIGHEST_NANOS, 3),
                new Histogram(HIGHEST_NANOS, 3));
        Histogram plainWelcome = new Histogram(HIGHEST_NANOS, 3);
        Histogram tlsWelcome = new Histogram(HIGHEST_NANOS, 3);
        welcomes(plain, tls, connections, plainWelcome, tlsWelcome, handshakes);
        Latency plainRoundTrip;
        try (Pair pair = plain.open()) {
            plainRoundTrip = Latency.of(RoundTrip.measure(pair, warmups, roundTrips, limitMillis));
        }
        Latency tlsRoundTrip;
        try (Pair pair = tls.open()) {
            tlsRoundTrip = Latency.of(RoundTrip.measure(pair, warmups, roundTrips, limitMillis));
        }
        return new Result(Latency.of(plainWelcome), Latency.of(tlsWelcome), Latency.of(handshakes), plainRoundTrip,
                tlsRoundTrip);
    }

    private static void welcomes(ChatRelay plain, TlsChatRelay tls, int count, Histogram plainWelcome,
                                 Histogram tlsWelcome, Histogram handshakes) throws IOException {
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            try (Socket socket = Pair.connect(plain.address())) {
                awaitWelcome(socket);
                plainWelcome.recordValue(Math.min(System.nanoTime() - start, HIGHEST_NANOS));
            }
            start = System.nanoTime();
            Socket tcp = Pair.connect(tls.address());
            long connected = System.nanoTime();
            try (Socket socket = tls.wrap(tcp)) {
                handshakes.recordValue(Math.min(System.nanoTime() - connected, HIGHEST_NANOS));
                awaitWelcome(socket);
                tlsWelcome.recordValue(Math.min(System.nanoTime() - start, HIGHEST_NANOS));
            }
        }
    }

    /** Reads the server's first line, which starts {@code * welcome}. */
    private static void awaitWelcome(Socket socket) throws IOException {
        String line = new LineReader(socket.getInputStream()).readLine();
        if (line == null || !line.startsWith("* welcome")) {
            throw new IOException("the chat server's first line was not its welcome: " + line);
        }
    }
}
