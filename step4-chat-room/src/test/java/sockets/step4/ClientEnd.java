package sockets.step4;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One connection on loopback for the tests of an {@link Outbox}: the server's end as a
 * {@link SimpleSocket} for the outbox to write to, and the client's raw end, whose reading the
 * test controls. The client's receive buffer is small, so a client that does not read soon stops
 * the writer.
 */
record ClientEnd(SimpleSocket listener, Socket client, SimpleSocket server, BufferedReader reader)
        implements AutoCloseable {

    static ClientEnd open() throws IOException {
        SimpleSocket listener = SimpleSocket.listen("127.0.0.1", 0);
        Socket client = new Socket();
        client.setReceiveBufferSize(8 * 1024); // Before connecting, or the window is already advertised.
        client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.localPort()), 5_000);
        client.setSoTimeout(5_000); // Every read below waits at most 5 s.
        var reader = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        return new ClientEnd(listener, client, listener.accept(4096), reader);
    }

    /** A line far bigger than the socket's buffers: its writer blocks until the client reads. */
    static final String HUGE = "h".repeat(8 << 20);

    /**
     * Makes {@code outbox} busy: one line bigger than its limit is queued and a writer thread is
     * sending it, stuck until the client reads. Returns when the client has seen its first byte.
     */
    CompletableFuture<Void> busyWriter(Outbox outbox) throws IOException {
        if (!outbox.queue(HUGE)) {
            throw new AssertionError("an empty outbox takes any line, even one bigger than its limit");
        }
        CompletableFuture<Void> writer = TestServer.asyncRun(outbox::flush);
        if (reader.read() != 'h') {
            throw new AssertionError("the writer should be sending the big line");
        }
        return writer;
    }

    /** The next line the client receives (5 s at most), or null once the server closed. */
    String readLine() throws IOException {
        return reader.readLine();
    }

    /**
     * Runs {@code task} on a platform thread (its state shows whether it waits) and returns its
     * result to come; {@code thread[0]} is the thread.
     */
    static <T> CompletableFuture<T> onThread(Thread[] thread, java.util.concurrent.Callable<T> task) {
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

    /** Waits until {@code thread} waits (for room in an outbox, say), 5 s at most. */
    static void awaitWaiting(Thread thread) {
        RobustnessTest.waitFor(() -> thread.getState() == Thread.State.WAITING, thread.getName() + " to wait");
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
