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
import sockets.step4.tls.Deadline;

/**
 * The course's socket class (the C++ original's {@code simple_socket.hpp}): a connected TCP
 * socket that sends and receives UTF-8 lines of at most {@code maxLineBytes}, and fails with
 * {@link IOException}s whose message a user can read. {@link SimpleServerSocket#accept()} and
 * {@link #connect} make them; {@link TlsWrapper} makes those whose lines travel inside TLS.
 */
public final class SimpleSocket implements Closeable {

    /** What the lines travel through: {@link #tcp} itself, or a TLS socket wrapped around it. */
    private final Socket socket;
    /** The TCP connection: closing it ends everything at once (a TLS socket's close may wait). */
    private final Socket tcp;
    private final LineReader lines;
    private final OutputStream out;

    SimpleSocket(Socket tcp, int maxLineBytes) throws IOException {
        this(tcp, tcp, maxLineBytes);
    }

    SimpleSocket(Socket socket, Socket tcp, int maxLineBytes) throws IOException {
        this.socket = socket;
        this.tcp = tcp;
        this.lines = new LineReader(socket.getInputStream(), maxLineBytes); // step 3's bounded reader
        this.out = socket.getOutputStream();
    }

    /**
     * Connects within {@code timeoutMillis} (step 2's {@link Connector}). Fails with step 2's
     * one-line explanation: {@code unknown host 'H': ...}, {@code connection refused by H:P: ...}
     * or {@code connect to H:P timed out: ...}.
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
            throw new IOException(tcp.isClosed() ? "socket closed" : "connection lost: " + e.getMessage());
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
     * TCP keepalive, tuned as {@code probes} says (step 3's {@link KeepAlive}): a peer that vanished
     * makes {@link #receiveLine()} fail with {@code connection lost: ...}.
     */
    public void keepAlive(KeepAliveProbes probes) throws IOException {
        if (!tcp.supportedOptions().contains(ExtendedSocketOptions.TCP_KEEPIDLE)) {
            tcp.setKeepAlive(true); // Cannot be tuned here: the system's timing (Linux: 2 hours).
            return;
        }
        KeepAlive.enable(tcp, probes.idle(), probes.interval(), probes.probes());
    }

    /**
     * At most about {@code bytes} of our lines wait in the kernel for a peer that does not read
     * ({@code SO_SNDBUF}; Linux counts its bookkeeping in it and doubles the number). Left alone,
     * Linux grows this buffer to megabytes.
     */
    public void sendBuffer(int bytes) throws IOException {
        tcp.setSendBufferSize(bytes);
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
     * Stops reading, from any thread: {@link #receiveLine()} returns end of stream (null), and a
     * thread blocked in it wakes up (on Linux and macOS). What the peer still sends is dropped.
     */
    public void stopReading() {
        try {
            socket.shutdownInput();
        } catch (IOException e) {
            // Closed or broken already: nothing more will be read either way.
        }
    }

    /**
     * After {@link #shutdownOutput()}: reads and drops what the peer still sends until it closes
     * its side or {@code millis} pass, then closes (step 3's {@link GracefulClose}) - a close with
     * unread bytes is answered by a reset, which can destroy our last lines before they are read.
     */
    public void drainAndClose(int millis) {
        // With TLS the half-close sends a record, which can wait behind a write that never ends.
        Deadline deadline = socket == tcp ? null : Deadline.closing(tcp, millis + 100);
        try {
            GracefulClose.close(socket, Duration.ofMillis(millis));
        } catch (IOException e) {
            // Already gone: closed below all the same.
        } finally {
            if (deadline != null) {
                deadline.cancel();
            }
            close(); // With TLS, the connection under the TLS socket too.
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
            tcp.close(); // The connection itself (with TLS, the TLS socket's close would first wait to send).
        } catch (IOException ignored) {
            // Closing frees the descriptor even when it reports an error: nothing left to do.
        }
        // end::solution-4.3[]
    }

    /** The peer's end as {@code ADDR:PORT}. */
    public String remoteAddress() {
        return Endpoints.show(tcp.getRemoteSocketAddress());
    }

    /** The TCP connection, for {@link TlsWrapper} to wrap. */
    Socket tcp() {
        return tcp;
    }

    int maxLineBytes() {
        return lines.maxLineBytes();
    }
}
