package sockets.step4;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import sockets.step1.Endpoints;
import sockets.step2.Connector;
import sockets.step2.Failures;
import sockets.step3.framing.LineReader;
import sockets.step3.framing.LineTooLongException;

/**
 * The course's socket class (the C++ original's {@code simple_socket.hpp}): a connected TCP
 * socket that sends and receives UTF-8 lines of at most {@code maxLineBytes}, and fails with
 * {@link IOException}s whose message a user can read. {@link SimpleServerSocket#accept()} and
 * {@link #connect} make them; {@link TlsWrapper} makes those whose lines travel inside TLS.
 * Its two helpers set its TCP options ({@link TcpOptions}) and end it ({@link Closing}).
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
    public static SimpleSocket connect(String host, int port, int timeoutMillis, int maxLineBytes) throws IOException {
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

    /** The lines' socket and the TCP connection, for {@link TlsWrapper}, {@link TcpOptions} and {@link Closing}. */
    Socket socket() {
        return socket;
    }

    Socket tcp() {
        return tcp;
    }

    int maxLineBytes() {
        return lines.maxLineBytes();
    }
}
