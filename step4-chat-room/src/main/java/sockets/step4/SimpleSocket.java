package sockets.step4;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import jdk.net.ExtendedSocketOptions;
import sockets.step1.Endpoints;
import sockets.step2.Connector;
import sockets.step2.Failures;
import sockets.step3.GracefulClose;
import sockets.step3.KeepAlive;
import sockets.step3.framing.LineReader;
import sockets.step3.framing.LineTooLongException;

/**
 * The course's socket class (the C++ original's {@code simple_socket.hpp}): a connected TCP
 * socket that sends and receives UTF-8 lines, each at most {@code maxLineBytes} long. With
 * {@link SimpleServerSocket} the only class of the chat that touches {@code java.net}; its
 * errors are plain {@link IOException}s whose message a user can read.
 */
public final class SimpleSocket implements Closeable {

    private final Socket socket;
    private final LineReader lines;
    private final OutputStream out;

    /** Wraps a connected {@code socket}: {@link SimpleServerSocket#accept()} and {@link #connect} make them. */
    SimpleSocket(Socket socket, int maxLineBytes) throws IOException {
        this.socket = socket;
        this.lines = new LineReader(socket.getInputStream(), maxLineBytes); // step 3's bounded reader
        this.out = socket.getOutputStream();
    }

    /**
     * Client side: connects within {@code timeoutMillis} (step 2's {@link Connector}). Fails with
     * step 2's one-line explanation: {@code unknown host 'H': ...}, {@code connection refused by
     * H:P: ...} or {@code connect to H:P timed out: ...}.
     */
    public static SimpleSocket connect(String host, int port, int timeoutMillis, int maxLineBytes)
            throws IOException {
        try {
            return new SimpleSocket(Connector.connect(host, port, timeoutMillis), maxLineBytes);
        } catch (IOException e) {
            throw new IOException(Failures.explain(e, host, port));
        }
    }

    /** Sends {@code line} and a LF as UTF-8, at once. */
    public void sendLine(String line) throws IOException {
        sendLines(List.of(line));
    }

    /**
     * Sends each of {@code lines} with a LF, as UTF-8, in one write: a burst of lines costs one
     * system call. Fails with {@code connection lost while sending: ...}.
     */
    public void sendLines(List<String> lines) throws IOException {
        // tag::solution-4.3[]
        // tag::send-lines[]
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String line : lines) {
            bytes.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            bytes.write('\n');
        }
        try {
            // One write() for all of them; no buffer in between, so nothing waits for a flush.
            bytes.writeTo(out);
        } catch (IOException e) {
            throw new IOException("connection lost while sending: " + e.getMessage());
        }
        // end::send-lines[]
        // end::solution-4.3[]
    }

    /**
     * The next line (CRLF accepted, invalid UTF-8 as U+FFFD), or {@code null} once the peer has
     * closed its side. An over-long line throws {@link LineTooLongException} and the next call
     * reads on after it. Fails with {@code silent too long} after the {@link #idleTimeout}, with
     * {@code socket closed} once {@link #close()} was called (by any thread), else with
     * {@code connection lost: ...}.
     */
    public String receiveLine() throws IOException {
        // tag::solution-4.3[]
        try {
            return lines.readLine();
        } catch (LineTooLongException e) {
            throw e; // The caller says so and reads on: not a lost connection.
        } catch (SocketTimeoutException e) {
            throw new IOException("silent too long");
        } catch (IOException e) {
            throw new IOException(socket.isClosed() ? "socket closed" : "connection lost: " + e.getMessage());
        }
        // end::solution-4.3[]
    }

    /**
     * From now on a peer silent for {@code millis} (0: forever) makes {@link #receiveLine()} fail
     * with {@code silent too long}. Nothing bounds a write this way.
     */
    public void idleTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    /**
     * TCP keepalive, tuned (step 3's {@link KeepAlive}): after {@code idle} of silence the kernel
     * probes the peer every {@code interval}, and after {@code probes} unanswered probes the
     * connection ends - {@link #receiveLine()} fails with {@code connection lost: ...}. Where the
     * system cannot tune the probes, keepalive is on with the system's own timing (Linux: 2 hours).
     */
    public void keepAlive(Duration idle, Duration interval, int probes) throws IOException {
        if (socket.supportedOptions().contains(ExtendedSocketOptions.TCP_KEEPIDLE)) {
            KeepAlive.enable(socket, idle, interval, probes);
        } else {
            socket.setKeepAlive(true);
        }
    }

    /**
     * Half-close: the peer reads end of stream after our last line, while we can still read.
     * Fails with {@code cannot half-close: ...}.
     */
    public void shutdownOutput() throws IOException {
        // tag::solution-4.3[]
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            throw new IOException("cannot half-close: " + e.getMessage());
        }
        // end::solution-4.3[]
    }

    /**
     * Stops reading, from any thread: {@link #receiveLine()} returns what was read already, then
     * {@code null} (end of stream) - a thread blocked in it wakes up (on Linux and macOS). What
     * the peer still sends is dropped.
     */
    public void stopReading() {
        try {
            socket.shutdownInput();
        } catch (IOException e) {
            // Closed or broken already: nothing more will be read either way.
        }
    }

    /**
     * The end of a graceful close, after {@link #shutdownOutput()}: reads and drops whatever the
     * peer still sends until it closes its side or {@code millis} pass, then closes - step 3's
     * {@link GracefulClose}. Closing with unread bytes would make the kernel answer with a reset,
     * which can destroy our last lines before the peer has read them.
     */
    public void drainAndClose(int millis) {
        try {
            GracefulClose.close(socket, Duration.ofMillis(millis));
        } catch (IOException e) {
            close(); // Already gone: closed all the same.
        }
    }

    /**
     * Closes at once; safe to call many times and from any thread. A thread blocked in
     * {@link #receiveLine()} or a send wakes up with an exception.
     */
    @Override
    public void close() {
        // tag::solution-4.3[]
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing frees the descriptor even when it reports an error: nothing left to do.
        }
        // end::solution-4.3[]
    }

    /** The peer's end as {@code ADDR:PORT}. */
    public String remoteAddress() {
        return Endpoints.show(socket.getRemoteSocketAddress());
    }

    /** Our own port. */
    public int localPort() {
        return socket.getLocalPort();
    }
}
