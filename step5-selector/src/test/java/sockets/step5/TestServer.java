package sockets.step5;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import sockets.step4.ChatServer;
import sockets.testing.LoopbackClient;
import sockets.testing.UnfinishedExercises;

/**
 * Step 5's chat server on 127.0.0.1, port 0, and the raw clients a test connected to it. Closing
 * it closes the server at once ({@link SelectorServer#close()}: no graceful shutdown, so the tests
 * of the exercises before 5.5 do not need it) and every client.
 */
final class TestServer implements AutoCloseable {

    final SelectorServer server;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final List<LoopbackClient> clients = new ArrayList<>();

    private TestServer(ChatServer.Settings settings) throws IOException {
        server = SelectorServer.start(settings, new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    static TestServer start() throws IOException {
        return new TestServer(ChatServer.Settings.onLoopback());
    }

    static TestServer start(ChatServer.Settings settings) throws IOException {
        return new TestServer(settings);
    }

    /** A server that disconnects a client silent for {@code idleMillis} (0: never) or not reading for {@code stallMillis}. */
    static TestServer withTimeouts(int idleMillis, int stallMillis) throws IOException {
        return new TestServer(new ChatServer.Settings("127.0.0.1", 0, 4096, 1000, idleMillis, stallMillis));
    }

    /** A raw client (like nc), connected, nothing read yet. */
    LoopbackClient connect() throws IOException {
        LoopbackClient client = LoopbackClient.connect(server.port());
        clients.add(client);
        return client;
    }

    /** A raw client that has read its welcome notice. */
    LoopbackClient join() throws IOException {
        LoopbackClient client = connect();
        client.expectLine(line -> line.startsWith("* welcome"), "a '* welcome' notice on arrival");
        return client;
    }

    /** A raw client that has read its welcome and renamed itself with /nick. */
    LoopbackClient join(String name) throws IOException {
        LoopbackClient client = join();
        client.send("/nick " + name);
        client.expectLine(line -> line.equals("* you are now " + name), "'* you are now " + name + "'");
        return client;
    }

    /** Two clients in one room: {@code first} waited, {@code second} arrived; both know the names. */
    LoopbackClient[] pair(String first, String second) throws IOException {
        LoopbackClient a = join(first);
        LoopbackClient b = join(second);
        a.expectLine(line -> line.endsWith(" is now " + second), "'* guest-N is now " + second + "' at " + first);
        return new LoopbackClient[] {a, b};
    }

    /** What the server logged so far. */
    String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    /** Waits (at most 5 s, polling each millisecond) until {@code condition} holds; fails naming {@code what}. */
    static void waitFor(BooleanSupplier condition, String what) {
        waitFor(condition, what, 5);
    }

    /** {@link #waitFor(BooleanSupplier, String)} for at most {@code seconds}: for what takes a while under load. */
    static void waitFor(BooleanSupplier condition, String what, int seconds) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            UnfinishedExercises.failIfHit(); // the loop stopped at a stub: say which, now
            if (System.nanoTime() > end) {
                throw new AssertionError("waited " + seconds + " s for " + what);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (LoopbackClient client : clients) {
            client.close();
        }
    }
}
