package sockets.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

/**
 * {@code ncat --broker}: nmap's C relay around one {@code select()} loop, which passes every
 * client's bytes to all the others - with two clients, a one-to-one relay that copies bytes and
 * knows nothing of lines. The event loop step 5 races. One ncat process per pair.
 */
final class NcatRelay implements Relay {
    private static final int ATTEMPTS = 5;
    private final String ncat;
    private final PrintStream log;

    NcatRelay(String ncat, PrintStream log) {
        this.ncat = ncat;
        this.log = log;
    }

    @Override
    public String name() {
        return Results.NCAT;
    }

    @Override
    public Pair open() throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            // ncat does not say which port it got for port 0: take a free one and hand it over.
            int port = freePort();
            Process process = new ProcessBuilder(ncat, "--broker", "--listen", "127.0.0.1", Integer.toString(port))
                    .redirectErrorStream(true).start();
            process.getOutputStream().close();
            new ProcessLines(process.getInputStream(), log, "ncat: ");
            AutoCloseable stop = () -> stop(process);
            Socket a = null;
            try {
                a = connectWhileStarting(port, process);
                Socket b = Pair.connect(new InetSocketAddress("127.0.0.1", port));
                return new Pair(a, b, stop);
            } catch (IOException e) {
                Pair.closeQuietly(a);
                Pair.closeQuietly(stop);
                last = e; // most likely another program took the port first: try another
            }
        }
        throw new IOException("ncat did not start within " + ATTEMPTS + " attempts: " + last.getMessage(), last);
    }

    /** Connects once ncat listens: it needs a moment to start; it exits if the port was taken. */
    private static Socket connectWhileStarting(int port, Process process) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Pair.TIMEOUT_MILLIS);
        while (true) {
            try {
                return Pair.connect(new InetSocketAddress("127.0.0.1", port));
            } catch (IOException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("ncat is not listening on port " + port + ": " + e.getMessage(), e);
                }
                try {
                    process.waitFor(20, TimeUnit.MILLISECONDS); // ncat starting up: a short wait, then again
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while starting ncat", interrupted);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy(); // a broker never ends by itself
        if (!process.waitFor(2, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** The ncat executable on PATH, or null when it is not installed. */
    static String find() {
        return SocatRelay.onPath("ncat");
    }

    @Override
    public void close() {
        // Each pair owns its ncat process; nothing is shared.
    }
}
