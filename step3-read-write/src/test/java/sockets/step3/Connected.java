package sockets.step3;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import sockets.testing.LoopbackClient;

/**
 * A test's connection on 127.0.0.1, port 0: {@code socket} is the accepted end handed to the code
 * under test, {@code peer} the raw test client (like {@code nc}) that reads it with deadlines.
 */
public record Connected(ServerSocket listener, Socket socket, LoopbackClient peer) implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(2);

    public static Connected open() throws IOException {
        ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        listener.setSoTimeout(5000);
        LoopbackClient peer = LoopbackClient.connect(listener.getLocalPort());
        Socket socket = listener.accept();
        socket.setSoTimeout(5000);
        return new Connected(listener, socket, peer);
    }

    /** The peer's next line within {@link #WAIT}; on failure the message ends with {@code hint}. */
    public String peerLine(String hint) throws IOException {
        try {
            return peer.readLine(WAIT);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " - " + hint, e);
        }
    }

    @Override
    public void close() throws IOException {
        try (listener; socket; peer) {
            // try-with-resources closes all three.
        }
    }
}
