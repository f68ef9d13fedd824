package sockets.step4.threads;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import sockets.step3.EchoServer;

/**
 * What idle clients cost a thread-per-client server: {@code count} clients connect to a
 * {@link ThreadPerClient} echo server in this JVM and say nothing, so each client's thread waits
 * in {@code read()}; then we count the JVM's platform threads and its memory (RSS). The tour runs
 * it in a JVM of its own ({@link #inChildJvm}), so that nothing else it did blurs the figures.
 */
final class IdleClients {

    /** What the measurement saw: platform threads before and with the clients, RSS growth in KB (-1: unknown). */
    record Cost(int threadsBefore, int threadsWith, long rssGrowthKb) {}

    private IdleClients() {}

    /** In a child JVM: {@code virtual|platform COUNT}; prints the three figures of {@link Cost}. */
    public static void main(String[] args) throws Exception {
        Cost cost = measure(Integer.parseInt(args[1]), args[0].equals("virtual") ? Thread.ofVirtual() : Thread.ofPlatform());
        System.out.println(cost.threadsBefore() + " " + cost.threadsWith() + " " + cost.rssGrowthKb());
    }

    /** Runs {@link #main} in a new JVM (the same java, the same classes) and reads its figures. */
    static Cost inChildJvm(int count, boolean virtual) throws IOException, InterruptedException {
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        // Where this step's classes and those of the steps it uses are: folders or jars.
        var classPath = new LinkedHashSet<String>();
        for (Class<?> used : List.of(IdleClients.class, EchoServer.class, sockets.step1.Endpoints.class)) {
            classPath.add(Path.of(URI.create(used.getProtectionDomain().getCodeSource().getLocation().toString())).toString());
        }
        Process child = new ProcessBuilder(javaCommand, "-cp", String.join(File.pathSeparator, classPath),
                IdleClients.class.getName(), virtual ? "virtual" : "platform", Integer.toString(count))
                .redirectErrorStream(true).start();
        String printed = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!child.waitFor(30, TimeUnit.SECONDS) || child.exitValue() != 0 || !printed.matches("\\d+ \\d+ -?\\d+")) {
            child.destroyForcibly();
            var stub = java.util.regex.Pattern.compile("Exercise \\d+\\.\\d+: .*").matcher(printed);
            if (stub.find()) {
                throw new UnsupportedOperationException(stub.group()); // Not done yet in the student edition.
            }
            throw new IOException("the measuring JVM failed: " + printed.lines().findFirst().orElse("(no output)"));
        }
        String[] figures = printed.split(" ");
        return new Cost(Integer.parseInt(figures[0]), Integer.parseInt(figures[1]), Long.parseLong(figures[2]));
    }

    static Cost measure(int count, Thread.Builder threads) throws IOException, InterruptedException {
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        long rssBefore = rssKb();
        CountDownLatch allServed = new CountDownLatch(count);
        CountDownLatch allDone = new CountDownLatch(count);
        List<Socket> clients = new ArrayList<>();
        AtomicReference<Throwable> loopFailed = new AtomicReference<>();
        try (ServerSocket listener = new ServerSocket(0, count, InetAddress.getLoopbackAddress())) {
            Thread loop = Thread.ofPlatform().unstarted(() -> ThreadPerClient.serve(listener::accept, threads, client -> {
                allServed.countDown();
                try {
                    EchoServer.echo(client.getInputStream(), client.getOutputStream()); // waits in read()
                } finally {
                    allDone.countDown();
                }
            }));
            loop.setUncaughtExceptionHandler((thread, e) -> loopFailed.set(e));
            loop.start();
            try {
                for (int i = 0; i < count; i++) {
                    clients.add(new Socket(listener.getInetAddress(), listener.getLocalPort()));
                }
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (!allServed.await(50, TimeUnit.MILLISECONDS)) {
                    if (loopFailed.get() != null) {
                        throw new IllegalStateException("the accept loop failed", loopFailed.get());
                    }
                    if (System.nanoTime() > end) {
                        throw new IOException("only " + (count - allServed.getCount()) + " of " + count + " clients served");
                    }
                }
                int threadsWith = ManagementFactory.getThreadMXBean().getThreadCount();
                long rssWith = rssKb();
                return new Cost(threadsBefore, threadsWith, rssBefore < 0 ? -1 : rssWith - rssBefore);
            } finally {
                for (Socket client : clients) {
                    client.close(); // Each echo reads end of stream: its thread ends.
                }
                listener.close();
                loop.join(5_000);
                if (loopFailed.get() == null) {
                    // Until their threads have ended, their stacks would count in the next measurement.
                    allDone.await(5, TimeUnit.SECONDS);
                }
            }
        }
    }

    /** This process's resident memory in KB, from Linux's /proc; -1 where there is none. */
    private static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Not Linux: the tour says "not measured".
        }
        return -1;
    }
}
