package sockets.step4;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import sockets.testing.Background;
import sockets.testing.LoopbackClient;

/**
 * A chat server on 127.0.0.1, port 0, and the raw clients a test connected to it. Closing it
 * closes them all and the server at once ({@link ChatServer#close()}: no graceful shutdown, so the
 * tests of the exercises before 4.8 do not need it).
 */
final class TestServer implements AutoCloseable {

    final ChatServer server;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final List<LoopbackClient> clients = new ArrayList<>();

    private TestServer(ChatServer.Settings settings) throws IOException {
        this(settings, null, 0);
    }

    private TestServer(ChatServer.Settings settings, javax.net.ssl.SSLContext tls, int handshakeMillis) throws IOException {
        PrintStream printed = new PrintStream(log, true, StandardCharsets.UTF_8);
        server = tls == null ? ChatServer.start(settings, printed) : ChatServer.start(settings, tls, handshakeMillis, printed);
    }

    /** A server whose clients talk inside TLS, with {@code tls}'s certificate, each handshake within {@code handshakeMillis}. */
    static TestServer withTls(javax.net.ssl.SSLContext tls, int handshakeMillis) throws IOException {
        return new TestServer(ChatServer.Settings.onLoopback(), tls, handshakeMillis);
    }

    /** The same, disconnecting a client that reads none of its waiting lines for {@code stallMillis}. */
    static TestServer withTls(javax.net.ssl.SSLContext tls, int handshakeMillis, int stallMillis) throws IOException {
        return new TestServer(new ChatServer.Settings("127.0.0.1", 0, 4096, 1000, 0, stallMillis), tls, handshakeMillis);
    }

    static TestServer start() throws IOException {
        return new TestServer(ChatServer.Settings.onLoopback());
    }

    static TestServer start(int maxLineBytes, int maxClients) throws IOException {
        return new TestServer(new ChatServer.Settings("127.0.0.1", 0, maxLineBytes, maxClients));
    }

    /** A server that disconnects a client silent for {@code idleMillis} (0: never) or not reading for {@code stallMillis}. */
    static TestServer withTimeouts(int idleMillis, int stallMillis) throws IOException {
        return new TestServer(new ChatServer.Settings("127.0.0.1", 0, 4096, 1000, idleMillis, stallMillis));
    }

    /** A raw client (like nc), connected but nothing read yet. */
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

    /** alice and bob in a room, carol waiting: {alice, bob, carol}, each having read its last notice. */
    LoopbackClient[] roomAndOneWaiting() throws IOException {
        LoopbackClient[] room = pair("alice", "bob");
        return new LoopbackClient[] {room[0], room[1], join("carol")};
    }

    /**
     * A buffered reader on a raw client's socket, for tests that read megabytes (LoopbackClient
     * reads a byte at a time); each read waits at most 5 s. Use it instead of the client's readLine.
     */
    static BufferedReader fastReader(LoopbackClient client) throws IOException {
        client.socket().setSoTimeout(5_000);
        return new BufferedReader(new InputStreamReader(client.socket().getInputStream(), StandardCharsets.UTF_8));
    }

    static <T> CompletableFuture<T> async(Supplier<T> task) {
        return Background.supply(task);
    }

    static CompletableFuture<Void> asyncRun(Runnable task) {
        return Background.run(task);
    }

    String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        for (LoopbackClient client : clients) {
            client.close();
        }
        server.close();
    }
}
