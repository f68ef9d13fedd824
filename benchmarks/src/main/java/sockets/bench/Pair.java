package sockets.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Two clients joined through a {@link Relay}: what A writes arrives at B and the other way round.
 * Closing the pair closes both sockets and whatever the relay started for them.
 */
final class Pair implements AutoCloseable {
    /** No blocking call of the benchmark waits longer than this for the peer. */
    static final int TIMEOUT_MILLIS = 10_000;

    final Socket a;
    final Socket b;
    final LineReader inA;
    final LineReader inB;
    final OutputStream outA;
    final OutputStream outB;
    private final AutoCloseable onClose;

    Pair(Socket a, Socket b, AutoCloseable onClose) throws IOException {
        this.a = a;
        this.b = b;
        this.inA = new LineReader(a.getInputStream());
        this.inB = new LineReader(b.getInputStream());
        this.outA = a.getOutputStream();
        this.outB = b.getOutputStream();
        this.onClose = onClose;
    }

    /** A client socket tuned like a chat client: no Nagle delay, and a deadline on every read. */
    static Socket connect(InetSocketAddress address) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(address, TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public void close() {
        closeQuietly(a);
        closeQuietly(b);
        closeQuietly(onClose);
    }

    static void closeQuietly(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception ignored) {
            // Closing after a measurement: nothing useful to do with a failure here.
        }
    }
}
