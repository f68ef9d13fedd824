package sockets.step3;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Two connected sockets on loopback - one from {@code connect}, one from {@code accept} - so a
 * demo can play both ends of a TCP connection from one thread. Closing the pair closes both.
 */
public record LoopbackPair(Socket client, Socket server) implements AutoCloseable {

    private static final int DEADLINE_MILLIS = 2000;

    /** Listens on 127.0.0.1 port 0, connects to it, accepts, and stops listening. */
    public static LoopbackPair open() throws IOException {
        return open(0);
    }

    /** The same, with the client's receive buffer set to {@code clientReceiveBuffer} bytes (0: the default). */
    public static LoopbackPair open(int clientReceiveBuffer) throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(DEADLINE_MILLIS);
            Socket client = new Socket();
            try {
                if (clientReceiveBuffer > 0) {
                    // Before connect(): the buffer's size decides the window offered in the handshake.
                    client.setReceiveBufferSize(clientReceiveBuffer);
                }
                // connect() returns once the kernel has finished the handshake, before accept().
                client.connect(listener.getLocalSocketAddress(), DEADLINE_MILLIS);
                return new LoopbackPair(client, listener.accept());
            } catch (IOException e) {
                client.close();
                throw e;
            }
        }
    }

    @Override
    public void close() throws IOException {
        try (client; server) {
            // try-with-resources closes both, even if the first close fails.
        }
    }
}
