package sockets.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code socat TCP-LISTEN:0 TCP-LISTEN:0}: the ready-made one-to-one relay users could pick instead
 * of the chat. One socat process per pair; {@code -d -d} makes it log each port it listens on.
 */
final class SocatRelay implements Relay {
    private static final Pattern LISTENING = Pattern.compile("listening on AF=2 127\\.0\\.0\\.1:(\\d+)");
    private final String socat;
    private final PrintStream log;

    SocatRelay(String socat, PrintStream log) {
        this.socat = socat;
        this.log = log;
    }

    @Override
    public String name() {
        return "socat";
    }

    @Override
    public Pair open() throws IOException {
        // socat listens on the second address only once the first one has accepted a client.
        Process process = new ProcessBuilder(socat, "-d", "-d",
                "TCP-LISTEN:0,bind=127.0.0.1", "TCP-LISTEN:0,bind=127.0.0.1").start();
        process.getOutputStream().close();
        ProcessLines stderr = new ProcessLines(process.getErrorStream(), log, "socat: ");
        AutoCloseable stop = () -> stop(process);
        Socket a = null;
        try {
            a = Pair.connect(new InetSocketAddress("127.0.0.1", awaitPort(stderr)));
            Socket b = Pair.connect(new InetSocketAddress("127.0.0.1", awaitPort(stderr)));
            return new Pair(a, b, stop);
        } catch (IOException | RuntimeException e) {
            Pair.closeQuietly(a);
            Pair.closeQuietly(stop);
            throw e;
        }
    }

    private static int awaitPort(ProcessLines stderr) throws IOException {
        try {
            String line = stderr.await(l -> LISTENING.matcher(l).find(), Pair.TIMEOUT_MILLIS);
            if (line == null) {
                throw new IOException("socat did not say which port it listens on within "
                        + Pair.TIMEOUT_MILLIS + " ms");
            }
            Matcher port = LISTENING.matcher(line);
            port.find();
            return Integer.parseInt(port.group(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting socat", e);
        }
    }

    private static void stop(Process process) throws InterruptedException {
        // socat exits by itself once both clients have closed; give it a moment, then insist.
        if (!process.waitFor(2, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** The socat executable on PATH, or null when it is not installed. */
    static String find() {
        return onPath("socat");
    }

    /** The executable {@code name} on PATH, or null. */
    static String onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            java.io.File candidate = new java.io.File(dir, name);
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        return null;
    }

    @Override
    public void close() {
        // Each pair owns its socat process; nothing is shared.
    }
}
