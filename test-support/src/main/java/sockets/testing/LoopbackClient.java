package sockets.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A test's raw line client, like {@code nc}: connects to 127.0.0.1, sends and reads UTF-8
 * lines byte for byte, and bounds every wait by {@link #DEADLINE} so a missing reply fails in
 * seconds with a message instead of hanging the build.
 */
public final class LoopbackClient implements AutoCloseable {

    public static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final int MAX_LINE = 1 << 20;
    /** How long one read waits before {@link UnfinishedExercises} is asked again. */
    private static final int POLL_MILLIS = 100;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final List<String> seen = new ArrayList<>();

    private LoopbackClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects to {@code 127.0.0.1:port} within the deadline. */
    public static LoopbackClient connect(int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                    (int) DEADLINE.toMillis());
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return new LoopbackClient(socket);
    }

    public Socket socket() {
        return socket;
    }

    /** Sends {@code line} and a LF, UTF-8 encoded. */
    public void send(String line) throws IOException {
        sendRaw((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Ends our sending side (like Ctrl-D in nc); we can still read. */
    public void halfClose() throws IOException {
        socket.shutdownOutput();
    }

    /**
     * The next line (CR before the LF dropped, invalid UTF-8 replaced), or {@code null} at end of
     * stream. Fails if no full line arrives within the deadline.
     */
    public String readLine() throws IOException {
        return readLine(DEADLINE);
    }

    public String readLine(Duration within) throws IOException {
        long end = System.nanoTime() + within.toNanos();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            UnfinishedExercises.failIfHit();
            long left = Math.max(1, (end - System.nanoTime()) / 1_000_000);
            if (System.nanoTime() >= end) {
                throw new AssertionError("no complete line within " + within.toMillis() + " ms"
                        + (line.size() > 0 ? " (partial: '" + decode(line) + "')" : "")
                        + "; lines so far: " + seen);
            }
            // A short wait at a time: a server thread that stopped at a stub fails the test now.
            socket.setSoTimeout((int) Math.min(left, POLL_MILLIS));
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException e) {
                continue;
            }
            if (b == -1) {
                // Peer closed its side: a partial last line still counts as a line.
                return line.size() > 0 ? remember(decode(line)) : null;
            }
            if (b == '\n') {
                return remember(decode(line));
            }
            if (line.size() >= MAX_LINE) {
                throw new AssertionError("line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
    }

    /** Reads lines until one matches; fails naming {@code what} and the last lines seen. */
    public String expectLine(Predicate<String> matches, String what) throws IOException {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < end) {
            String line = readLine(Duration.ofNanos(Math.max(1_000_000, end - System.nanoTime())));
            if (line == null) {
                throw new AssertionError("connection closed while waiting for " + what + "; lines seen: " + seen);
            }
            if (matches.test(line)) {
                return line;
            }
        }
        throw new AssertionError("expected " + what + " within " + DEADLINE.toSeconds() + " s; lines seen: " + seen);
    }

    /** Reads until the peer closes; true if it did within the deadline. Lines read are kept in {@link #seen()}. */
    public boolean awaitClosed() throws IOException {
        try {
            while (readLine() != null) {
                // Keep reading: only the end of the stream counts.
            }
            return true;
        } catch (UnfinishedExercises.StubHit stub) {
            throw stub;
        } catch (AssertionError stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /** Every line read so far, in order. */
    public List<String> seen() {
        return List.copyOf(seen);
    }

    private String remember(String line) {
        seen.add(line);
        return line;
    }

    private static String decode(ByteArrayOutputStream bytes) {
        String text = bytes.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
