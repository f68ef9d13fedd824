package sockets.step4.threads;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sockets.step3.EchoServer;

/**
 * Part 1 of the step's tour: why a server needs a thread per client, what platform and virtual
 * threads cost, and why shared state needs a lock - each shown on loopback with numbers.
 */
public final class ManyClientsTour {

    /** Idle clients per measurement: two descriptors each in this JVM, well within the usual limits. */
    static final int IDLE_CLIENTS = 2_000;
    private static final int WAIT_MILLIS = 300;

    private ManyClientsTour() {}

    /** Phase: step 3's echo server serves one client after another. */
    public static void oneAtATime(PrintStream out) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread server = Thread.ofPlatform().start(() -> {
                try {
                    EchoServer.serve(listener, 2, new PrintStream(OutputStream.nullOutputStream()));
                } catch (IOException e) {
                    // The tour closed the listener: nothing more to serve.
                }
            });
            try (Socket alice = connect(listener); Socket bob = connect(listener)) {
                out.println("   alice connects and says nothing; bob sends \"hi\"");
                send(bob, "hi");
                out.println("   bob, after " + WAIT_MILLIS + " ms: " + answer(bob, WAIT_MILLIS)
                        + " - the only thread waits in alice's read()");
                alice.close();
                out.println("   alice leaves; bob at last: " + answer(bob, 2_000));
            }
            server.join(5_000);
        }
    }

    /** Phase: {@link ThreadPerClient} serves both at once. */
    public static void threadPerClient(PrintStream out) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread.ofPlatform().start(() -> ThreadPerClient.serve(listener::accept, Thread.ofPlatform(),
                    client -> EchoServer.echo(client.getInputStream(), client.getOutputStream())));
            try (Socket alice = connect(listener); Socket bob = connect(listener)) {
                out.println("   alice connects and says nothing; bob sends \"hi\"");
                send(bob, "hi");
                String answer = answer(bob, 2_000);
                if (answer.equals("no answer")) {
                    throw new IOException("bob got no answer while alice was connected"); // Not one thread per client.
                }
                out.println("   bob at once: " + answer + " - alice's thread waits for alice, bob's serves bob");
            }
        }
    }

    /** Phase: what {@link #IDLE_CLIENTS} idle clients cost on platform, or on virtual threads. */
    public static void idleClients(PrintStream out, boolean virtual) throws Exception {
        IdleClients.Cost cost = IdleClients.inChildJvm(IDLE_CLIENTS, virtual);
        out.printf("   platform threads in the JVM: %,d before, %,d with the clients%n", cost.threadsBefore(), cost.threadsWith());
        if (cost.rssGrowthKb() < 0) {
            out.println("   memory: not measured (no /proc on this system)");
        } else {
            out.printf("   memory (RSS): +%,.1f MB, about %,.1f KB per client (both ends in one JVM)%n",
                    cost.rssGrowthKb() / 1024.0, cost.rssGrowthKb() / (double) IDLE_CLIENTS);
        }
    }

    /** Phase: four threads add to one list at once, without a lock and with {@link Connections}. */
    public static void sharedState(PrintStream out) throws Exception {
        int perThread = 100_000;
        int total = 4 * perThread;
        String unguarded = "";
        for (int round = 0; round < 20 && unguarded.isEmpty(); round++) { // exit: the race showed
            List<Object> list = new ArrayList<>();
            try {
                atOnce(4, () -> {
                    for (int i = 0; i < perThread; i++) {
                        list.add(new Object()); // size++ and a store: another thread can come in between
                    }
                });
                unguarded = list.size() < total ? String.format("%,d of %,d - adds lost", list.size(), total) : "";
            } catch (IllegalStateException e) {
                unguarded = "it threw " + e.getCause().getClass().getSimpleName();
            }
        }
        out.println("   ArrayList.add, no lock: " + (unguarded.isEmpty() ? "no loss this time - run it again" : unguarded));
        Connections<Object> connections = new Connections<>(Integer.MAX_VALUE);
        atOnce(4, () -> {
            for (int i = 0; i < perThread; i++) {
                connections.tryAdd(new Object());
            }
        });
        out.printf("   Connections.tryAdd (a ReentrantLock inside): %,d of %,d%n", connections.count(), total);
    }

    /** Runs {@code task} on {@code threads} platform threads that start together; waits for all. */
    private static void atOnce(int threads, Runnable task) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> started = new ArrayList<>();
        java.util.concurrent.atomic.AtomicReference<RuntimeException> failed = new java.util.concurrent.atomic.AtomicReference<>();
        for (int i = 0; i < threads; i++) {
            started.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    task.run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // Asked to stop before starting.
                } catch (RuntimeException e) {
                    failed.compareAndSet(null, e);
                }
            }));
        }
        start.countDown();
        for (Thread thread : started) {
            thread.join();
        }
        if (failed.get() != null) {
            throw new IllegalStateException("a thread failed", failed.get());
        }
    }

    private static Socket connect(ServerSocket listener) throws IOException {
        Socket socket = new Socket(listener.getInetAddress(), listener.getLocalPort());
        socket.setTcpNoDelay(true);
        return socket;
    }

    private static void send(Socket socket, String line) throws IOException {
        socket.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The echo, quoted, or "no answer" if none came within {@code millis}. */
    private static String answer(Socket socket, int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            return "\"" + new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine() + "\"";
        } catch (java.net.SocketTimeoutException e) {
            return "no answer";
        }
    }
}
