package sockets.step4;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;
import sockets.step1.Endpoints;
import sockets.step3.framing.LineReader;

/**
 * The course's socket class (the C++ original's {@code simple_socket.hpp}): a listening socket
 * that accepts, or a connected socket that sends and receives bounded UTF-8 lines. The only class
 * of the chat that touches {@code java.net}; its errors are plain {@link IOException}s whose
 * message a user can read.
 */
public final class SimpleSocket implements AutoCloseable {

    /** {@link #sendLines} writes at most this much at a time. */
    static final int BURST_BYTES = 32 * 1024;

    private final ServerSocket listener;
    private final Socket connection;
    private final LineReader lines;
    private final OutputStream out;
    private final OutputStream unbuffered;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Runnable beforeWaiting = () -> {};
    private volatile boolean idleTimedOut;

    private SimpleSocket(ServerSocket listener) {
        this.listener = listener;
        this.connection = null;
        this.lines = null;
        this.out = null;
        this.unbuffered = null;
    }

    private SimpleSocket(Socket connection, int maxLineBytes) throws IOException {
        this.listener = null;
        this.connection = connection;
        this.lines = new LineReader(new FilterInputStream(connection.getInputStream()) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                // All that arrived so far is handled: the moment to send what it produced.
                beforeWaiting.run();
                try {
                    return super.read(buffer, offset, length);
                } catch (SocketTimeoutException e) {
                    idleTimedOut = true;
                    throw e;
                }
            }
        }, maxLineBytes);
        this.unbuffered = connection.getOutputStream();
        // Buffered, so a line goes out in one write - and only when flushed. A small buffer (a
        // longer line is written straight through): the server holds one per connection.
        this.out = new BufferedOutputStream(unbuffered, 512);
    }

    /** Server side: bind to {@code bindAddress:port} (0 = any free port) and listen. */
    public static SimpleSocket listen(String bindAddress, int port) throws IOException {
        // tag::solution-4.1[]
        ServerSocket listener = new ServerSocket();
        try {
            InetAddress address = InetAddress.getByName(bindAddress);
            // A long queue of connections not yet accepted: a burst of arrivals is not turned away.
            listener.bind(new InetSocketAddress(address, port), 1024);
            return new SimpleSocket(listener);
        } catch (UnknownHostException e) {
            listener.close();
            throw new IOException("unknown address " + bindAddress);
        } catch (BindException e) {
            listener.close();
            throw new IOException("cannot listen on " + bindAddress + ":" + port + " - "
                    + e.getMessage().toLowerCase() + " (is another server running there?)");
        }
        // end::solution-4.1[]
    }

    /** Server side: wait for the next client; its lines are limited to {@code maxLineBytes}. */
    public SimpleSocket accept(int maxLineBytes) throws IOException {
        // tag::solution-4.1[]
        try {
            Socket client = listener.accept();
            return new SimpleSocket(client, maxLineBytes);
        } catch (IOException e) {
            throw new IOException(closed.get() ? "listening socket closed" : "accept failed: " + e.getMessage());
        }
        // end::solution-4.1[]
    }

    /** Client side: connect within {@code timeoutMillis}; received lines limited to {@code maxLineBytes}. */
    public static SimpleSocket connect(String host, int port, int timeoutMillis, int maxLineBytes)
            throws IOException {
        // tag::solution-4.1[]
        Socket socket = new Socket();
        try {
            // Never the one-argument connect: a silent host would keep us waiting for minutes.
            socket.connect(new InetSocketAddress(InetAddress.getByName(host), port), timeoutMillis);
            return new SimpleSocket(socket, maxLineBytes);
        } catch (IOException e) {
            socket.close();
            throw new IOException(switch (e) {
                case UnknownHostException u -> "unknown host " + host;
                case ConnectException c -> "connection refused by " + host + ":" + port + " (is the server running?)";
                case SocketTimeoutException t -> "no answer from " + host + ":" + port + " within " + timeoutMillis + " ms";
                default -> "cannot connect to " + host + ":" + port + " - " + e.getMessage();
            });
        }
        // end::solution-4.1[]
    }

    /** Sends {@code line} and a LF as UTF-8, at once. Not for two threads at a time. */
    public void sendLine(String line) throws IOException {
        // tag::solution-4.1[]
        try {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            // Flush: otherwise the line may sit in a buffer and the peer waits forever.
            out.flush();
        } catch (IOException e) {
            throw new IOException("connection lost while sending: " + e.getMessage());
        }
        // end::solution-4.1[]
    }

    /**
     * Sends each of {@code lines} with a LF, as UTF-8, in as few writes as possible (one per
     * {@link #BURST_BYTES}); {@code afterEachWrite} runs after each write. Not for two threads at a time.
     */
    public void sendLines(Collection<String> lines, Runnable afterEachWrite) throws IOException {
        long chars = 0;
        for (String line : lines) {
            chars += line.length() + 1;
        }
        // Sized for the whole burst (if ASCII), so the buffer is rarely copied while it fills.
        ByteArrayOutputStream burst = new ByteArrayOutputStream((int) Math.min(chars, BURST_BYTES + 64));
        try {
            for (String line : lines) {
                burst.writeBytes(line.getBytes(StandardCharsets.UTF_8));
                burst.write('\n');
                if (burst.size() >= BURST_BYTES) {
                    burst.writeTo(unbuffered);
                    burst.reset();
                    afterEachWrite.run();
                }
            }
            if (burst.size() > 0) {
                burst.writeTo(unbuffered);
                afterEachWrite.run();
            }
        } catch (IOException e) {
            throw new IOException("connection lost while sending: " + e.getMessage());
        }
    }

    /**
     * Runs {@code task} each time a read is about to wait for the network, that is, once all that
     * had arrived is handled: the server sends the replies of a whole burst of lines then.
     */
    public void beforeWaitingForInput(Runnable task) {
        beforeWaiting = task;
    }

    /**
     * A peer silent for {@code millis} (0: forever) makes {@link #receiveLine()} fail and
     * {@link #idleTimedOut()} true: the way to notice a peer that vanished without a word.
     */
    public void idleTimeout(int millis) throws IOException {
        // tag::solution-4.8[]
        // SO_TIMEOUT bounds every read from now on; nothing bounds a write, hence the watchdog.
        connection.setSoTimeout(millis);
        // end::solution-4.8[]
    }

    /** True once a read failed because the peer was silent for the idle timeout. */
    public boolean idleTimedOut() {
        return idleTimedOut;
    }

    /**
     * The next line (CRLF accepted, invalid UTF-8 as U+FFFD), or {@code null} when the peer has
     * closed its side. An over-long line throws {@link sockets.step3.framing.LineTooLongException}
     * and the next call reads on after it.
     */
    public String receiveLine() throws IOException {
        // tag::solution-4.1[]
        try {
            return lines.readLine();
        } catch (sockets.step3.framing.LineTooLongException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException(closed.get() ? "socket closed" : "connection lost: " + e.getMessage());
        }
        // end::solution-4.1[]
    }

    /** Half-close: tell the peer we will send nothing more (it reads EOF) while we keep reading. */
    public void shutdownOutput() throws IOException {
        // tag::solution-4.1[]
        try {
            connection.shutdownOutput();
        } catch (IOException e) {
            throw new IOException("cannot half-close: " + e.getMessage());
        }
        // end::solution-4.1[]
    }

    /** Closes the socket; safe to call many times and from any thread. Unblocks a waiting read or accept. */
    @Override
    public void close() {
        // tag::solution-4.1[]
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (listener != null) {
                listener.close();
            } else {
                connection.close();
            }
        } catch (IOException ignored) {
            // Closing frees the descriptor even when it reports an error: nothing left to do.
        }
        // end::solution-4.1[]
    }

    /** Our own address as {@code ADDR:PORT} (the real port after binding to port 0). */
    public String localAddress() {
        return listener != null
                ? format(listener.getInetAddress(), listener.getLocalPort())
                : format(connection.getLocalAddress(), connection.getLocalPort());
    }

    /** The peer's address as {@code ADDR:PORT}. */
    public String remoteAddress() {
        SocketAddress remote = connection.getRemoteSocketAddress();
        return remote instanceof InetSocketAddress inet ? format(inet.getAddress(), inet.getPort()) : "?";
    }

    /** The port we are bound to. */
    public int localPort() {
        return listener != null ? listener.getLocalPort() : connection.getLocalPort();
    }

    private static String format(InetAddress address, int port) {
        return Endpoints.show(address, port);
    }
}
