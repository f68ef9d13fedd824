package sockets.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of the course's chat servers (step 4's or step 5's chat.jar), started as its own process
 * through its command-line contract ({@code chat.jar server --port 0}), so the benchmark depends
 * on nothing inside the steps.
 */
final class ChatRelay implements Relay {
    private static final Pattern LISTENING = Pattern.compile("^listening on (\\S+):(\\d+)$");
    private final String name;
    private final Process process;
    private final InetSocketAddress address;
    private final ProcessLines output;

    private ChatRelay(String name, Process process, InetSocketAddress address, ProcessLines output) {
        this.name = name;
        this.process = process;
        this.address = address;
        this.output = output;
    }

    /**
     * Starts {@code java -jar JAR server} (and {@code options}) and waits for its {@code listening
     * on} line; {@code name} is the target's name in the tables ({@code step 5}, {@code step 4}).
     */
    static ChatRelay start(String name, Path java, Path jar, int maxClients, PrintStream log, String... options)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", jar.toString(),
                "server", "--port", "0", "--max-clients", Integer.toString(maxClients)));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .start();
        ProcessLines output = new ProcessLines(process.getInputStream(), log, name + ": ");
        try {
            String line = output.await(l -> LISTENING.matcher(l).matches(), 30_000);
            if (line == null) {
                process.destroyForcibly();
                throw new IOException("the " + name + " chat server printed no `listening on ADDR:PORT` line within 30 s"
                        + (process.isAlive() ? "" : " (it exited with code " + process.waitFor() + ")"));
            }
            Matcher m = LISTENING.matcher(line);
            m.matches();
            // Always loopback: the server's default bind is 127.0.0.1 and we never pass --bind.
            return new ChatRelay(name, process, new InetSocketAddress("127.0.0.1", Integer.parseInt(m.group(2))), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while starting the chat server", e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    InetSocketAddress address() {
        return address;
    }

    /** The server's next output line that matches (after {@code listening on}), or null after {@code timeoutMillis}. */
    String awaitOutput(Predicate<String> wanted, long timeoutMillis) throws InterruptedException {
        return output.await(wanted, timeoutMillis);
    }

    @Override
    public byte firstByteAtReceiver(byte[] sentLine) {
        return '<'; // every relayed line reads `<NAME> TEXT`
    }

    @Override
    public Pair open() throws IOException {
        Socket a = Pair.connect(address);
        Socket b = null;
        try {
            b = Pair.connect(address);
            Pair pair = new Pair(a, b, null);
            awaitRoom(pair);
            return pair;
        } catch (IOException | RuntimeException e) {
            Pair.closeQuietly(a);
            Pair.closeQuietly(b);
            throw e;
        }
    }

    /**
     * Pairing is the server's business, and a client leaving just before may still be waiting:
     * A repeats a marker until B receives it, then B answers. Welcome and pairing notices, and
     * "nobody there yet" errors, are read and skipped on the way, so both streams end up empty.
     */
    static void awaitRoom(Pair pair) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Pair.TIMEOUT_MILLIS);
        pair.b.setSoTimeout(200);
        try {
            for (int attempt = 1; ; attempt++) {
                String marker = "room-check-" + attempt;
                send(pair.outA, marker);
                if (awaitMessage(pair.inB, marker)) {
                    break; // B is A's partner now
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("the chat did not put two fresh clients in one room within "
                            + Pair.TIMEOUT_MILLIS + " ms");
                }
            }
        } finally {
            pair.b.setSoTimeout(Pair.TIMEOUT_MILLIS);
        }
        send(pair.outB, "room-ok");
        if (!awaitMessage(pair.inA, "room-ok")) {
            throw new IOException("A never received B's answer through the chat");
        }
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write((text + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads lines until {@code <NAME> text}; false when the read deadline passes first. */
    private static boolean awaitMessage(LineReader in, String text) throws IOException {
        try {
            while (true) {
                String line = in.readLine();
                if (line == null) {
                    throw new IOException("the chat server closed the connection while pairing");
                }
                if (line.startsWith("<") && line.endsWith("> " + text)) {
                    return true; // the message we waited for
                }
            }
        } catch (SocketTimeoutException e) {
            return false; // not (yet) in the same room
        }
    }

    /** Graceful first: {@code /quit} on the server's console; then SIGTERM; then SIGKILL. */
    @Override
    public void close() {
        try {
            try (OutputStream console = process.getOutputStream()) {
                console.write("/quit\n".getBytes(StandardCharsets.UTF_8));
            } catch (IOException alreadyGone) {
                // The server exited already; nothing to tell it.
            }
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
