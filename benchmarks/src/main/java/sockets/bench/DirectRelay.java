package sockets.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** No relay at all: B is the accepted end of A's own connection, so a round trip is the loopback floor. */
final class DirectRelay implements Relay {
    private final ServerSocket listener;

    DirectRelay() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        listener.setSoTimeout(Pair.TIMEOUT_MILLIS);
    }

    @Override
    public String name() {
        return "direct";
    }

    @Override
    public Pair open() throws IOException {
        Socket a = Pair.connect((InetSocketAddress) listener.getLocalSocketAddress());
        try {
            Socket b = listener.accept();
            b.setTcpNoDelay(true);
            b.setSoTimeout(Pair.TIMEOUT_MILLIS);
            return new Pair(a, b, null);
        } catch (IOException e) {
            a.close();
            throw e;
        }
    }

    @Override
    public void close() {
        Pair.closeQuietly(listener);
    }
}
