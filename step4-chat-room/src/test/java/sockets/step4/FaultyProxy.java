package sockets.step4;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Fault injection for tests, on loopback only: a proxy for ONE client connection to the chat
 * server that passes bytes on in small pieces with a delay between them, or cuts the connection
 * (a reset, both ways) after a given number of bytes from the client. Closes everything on close.
 */
final class FaultyProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int serverPort;
    private final int pieceBytes;
    private final long pauseMicros;
    private final long cutAfterBytes;
    private volatile Socket client;
    private volatile Socket server;
    private final ByteArrayOutputStream passedOn = new ByteArrayOutputStream();

    private FaultyProxy(int serverPort, int pieceBytes, long pauseMicros, long cutAfterBytes) throws IOException {
        this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.serverPort = serverPort;
        this.pieceBytes = pieceBytes;
        this.pauseMicros = pauseMicros;
        this.cutAfterBytes = cutAfterBytes;
        TestServer.asyncRun(this::acceptOne);
    }

    /** Passes bytes both ways in pieces of {@code pieceBytes}, pausing {@code pauseMicros} after each. */
    static FaultyProxy fragmenting(int serverPort, int pieceBytes, long pauseMicros) throws IOException {
        return new FaultyProxy(serverPort, pieceBytes, pauseMicros, Long.MAX_VALUE);
    }

    /** Passes the client's first {@code bytes} bytes on, then resets both connections. */
    static FaultyProxy cuttingAfter(int serverPort, long bytes) throws IOException {
        return new FaultyProxy(serverPort, 1 << 16, 0, bytes);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Every byte passed on so far, both ways, as ISO-8859-1 text: what anyone on the path could read. */
    String passedOn() {
        synchronized (passedOn) {
            return passedOn.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    private void acceptOne() {
        try {
            client = listener.accept();
            server = new Socket();
            server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort), 5_000);
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            TestServer.asyncRun(() -> pump(server, client, Long.MAX_VALUE));
            pump(client, server, cutAfterBytes);
        } catch (IOException e) {
            close(); // The test ended, or a side went away: nothing to pass on any more.
        }
    }

    private void pump(Socket from, Socket to, long limit) {
        byte[] buffer = new byte[pieceBytes];
        long passed = 0;
        try {
            // Not closed here: closing a socket's stream closes the socket, and a half-close must pass.
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            while (passed < limit) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - passed));
                if (n < 0) {
                    to.shutdownOutput(); // Pass a half-close on as a half-close.
                    return;
                }
                out.write(buffer, 0, n);
                out.flush();
                passed += n;
                synchronized (passedOn) {
                    passedOn.write(buffer, 0, n);
                }
                if (pauseMicros > 0) {
                    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(pauseMicros)); // The injected delay.
                }
            }
            cut(); // The limit: reset both sides, like a cable pulled mid-line.
        } catch (IOException e) {
            close(); // One side is gone: end the other too.
        }
    }

    private void cut() throws IOException {
        for (Socket socket : new Socket[] {client, server}) {
            socket.setSoLinger(true, 0);
            socket.close();
        }
    }

    @Override
    public void close() {
        for (AutoCloseable closeable : new AutoCloseable[] {listener, client, server}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // Closing in a test's clean-up: nothing more to do.
            }
        }
    }
}
