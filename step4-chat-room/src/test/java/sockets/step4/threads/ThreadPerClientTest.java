package sockets.step4.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.Background;
import sockets.testing.Exercise;
import sockets.testing.UnfinishedExercises;

@Exercise("4.1")
@Timeout(value = 15, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@DisplayName("A thread per client")
class ThreadPerClientTest {

    /** A server on 127.0.0.1, port 0, running ThreadPerClient.serve on a thread of its own until closed. */
    record Server(ServerSocket listener, CompletableFuture<Void> loop) implements AutoCloseable {
        static Server start(Thread.Builder threads, ThreadPerClient.Handler<Socket> handler) throws IOException {
            ServerSocket listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
            var loop = Background.run(() -> ThreadPerClient.serve(listener::accept, threads, handler));
            return new Server(listener, loop);
        }

        Socket connect() throws IOException {
            Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
            client.setSoTimeout(5_000); // Every read of the tests waits 5 s at most.
            return client;
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }

    /** Answers each line with the same line, until the client closes its side. */
    static void echoLines(Socket client) throws IOException {
        var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = client.getOutputStream();
        String line;
        while ((line = in.readLine()) != null) { // exit: the client closed its side
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    static String exchange(Socket client, String line) throws IOException {
        client.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        return new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }

    /** Waits up to 5 s for the latch; fails at once if a thread of the code under test hit a stub. */
    static boolean await(CountDownLatch latch) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < end) {
            if (latch.await(100, TimeUnit.MILLISECONDS)) {
                return true;
            }
            UnfinishedExercises.failIfHit();
        }
        return false;
    }

    @Test
    @DisplayName("serves a second client while the first is still connected and silent")
    void secondWhileFirstWaits() throws Exception {
        try (Server server = Server.start(Thread.ofPlatform(), ThreadPerClientTest::echoLines);
                Socket silent = server.connect();
                Socket second = server.connect()) {
            assertEquals("hello", exchange(second, "hello"),
                    "the second client gets its echo while the first is connected - is each client served on its own thread?");
            assertEquals("me too", exchange(silent, "me too"), "and the first one is still served");
        } catch (java.net.SocketTimeoutException e) {
            UnfinishedExercises.failIfHit();
            throw new AssertionError("no echo within 5 s for the second client while the first one is connected"
                    + " - does the accept loop serve clients itself instead of starting a thread?", e);
        }
    }

    @Test
    @DisplayName("200 clients at once on virtual threads: every handler runs at the same time")
    void manyAtOnce() throws Exception {
        int clients = 200;
        CountDownLatch allIn = new CountDownLatch(clients);
        CountDownLatch release = new CountDownLatch(1);
        List<Boolean> virtual = java.util.Collections.synchronizedList(new ArrayList<>());
        try (Server server = Server.start(Thread.ofVirtual(), client -> {
            virtual.add(Thread.currentThread().isVirtual());
            allIn.countDown();
            awaitQuietly(release);
        })) {
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < clients; i++) {
                    sockets.add(server.connect());
                }
                assertTrue(await(allIn), (clients - allIn.getCount()) + " of " + clients
                        + " handlers running at once - each client needs a thread of its own");
                assertTrue(virtual.stream().allMatch(v -> v), "handlers must run on the threads the builder makes (virtual here)");
                release.countDown();
                for (Socket socket : sockets) {
                    assertEquals(-1, socket.getInputStream().read(), "a client is closed once its handler returns");
                }
            } finally {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
        }
    }

    @Test
    @DisplayName("closes each client when its handler is done - also when the handler fails - and serves on")
    void closesEachClient() throws Exception {
        AtomicBoolean first = new AtomicBoolean(true);
        try (Server server = Server.start(Thread.ofPlatform(), client -> {
            if (first.getAndSet(false)) {
                throw new IOException("this client's connection broke");
            }
            echoLines(client);
        })) {
            try (Socket failing = server.connect()) {
                assertEquals(-1, failing.getInputStream().read(), "a client whose handler failed is closed");
            }
            try (Socket next = server.connect()) {
                assertEquals("still serving", exchange(next, "still serving"), "one client's failure stops nobody else");
                next.shutdownOutput();
                assertNull(new BufferedReader(new InputStreamReader(next.getInputStream(), StandardCharsets.UTF_8)).readLine(),
                        "the echo handler returned at end of input: the client is closed");
            }
        }
    }

    @Test
    @DisplayName("returns once the listening socket is closed")
    void endsWhenClosed() throws Exception {
        Server server = Server.start(Thread.ofVirtual(), ThreadPerClientTest::echoLines);
        try (Socket client = server.connect()) {
            assertEquals("before", exchange(client, "before"));
            server.close();
            server.loop().get(5, TimeUnit.SECONDS);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
