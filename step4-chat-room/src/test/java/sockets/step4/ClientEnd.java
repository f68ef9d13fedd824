package sockets.step4;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;
import sockets.testing.UnfinishedExercises;

/**
 * One connection on loopback for the tests of an {@link Outbox}: the server's end as a
 * {@link SimpleSocket} for the outbox to write to, and the client's raw end, whose reading the
 * test controls. The client's receive buffer is small, so a client that does not read soon stops
 * the writer.
 */
record ClientEnd(SimpleServerSocket listener, Socket client, SimpleSocket server, BufferedReader reader)
        implements AutoCloseable {

    static ClientEnd open() throws IOException {
        SimpleServerSocket listener = SimpleServerSocket.listen("127.0.0.1", 0, 4096);
        Socket client = new Socket();
        client.setReceiveBufferSize(8 * 1024); // Before connecting, or the window is already advertised.
        client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.localPort()), 5_000);
        client.setSoTimeout(5_000); // Every read below waits at most 5 s.
        var reader = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        return new ClientEnd(listener, client, listener.accept(), reader);
    }

    /** An outbox on the server's end, its writer on a virtual thread. */
    Outbox outbox(int stallMillis) {
        return new Outbox(server, stallMillis, Thread.ofVirtual().name("test-writer"));
    }

    /** The next line the client receives (5 s at most), or null once the server closed. */
    String readLine() throws IOException {
        return reader.readLine();
    }

    /**
     * Runs {@code task} on a thread of its own and returns its result to come; {@code thread[0]}
     * is the thread, whose state shows whether it waits.
     */
    static <T> CompletableFuture<T> onThread(Thread[] thread, Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        thread[0] = Thread.ofPlatform().daemon().start(() -> {
            try {
                result.complete(task.call());
            } catch (Exception | AssertionError e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Waits until {@code thread} is parked waiting (WAITING or TIMED_WAITING) and {@code also} holds, 5 s at most. */
    static void awaitWaiting(Thread thread, BooleanSupplier also) {
        waitFor(() -> also.getAsBoolean() && (thread.getState() == Thread.State.WAITING
                || thread.getState() == Thread.State.TIMED_WAITING), thread.getName() + " to wait");
    }

    /** Checks {@code condition} every millisecond until it holds; fails after 5 s naming {@code what}. */
    static void waitFor(BooleanSupplier condition, String what) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            UnfinishedExercises.failIfHit();
            if (System.nanoTime() > end) {
                throw new AssertionError("waited 5 s for " + what);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    static <T> T within5s(CompletableFuture<T> result) throws Exception {
        return result.get(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException {
        client.close();
        server.close();
        listener.close();
    }
}
