package sockets.step4;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import sockets.step4.tls.Fingerprint;
import sockets.step4.tls.KnownServers;
import sockets.step4.tls.ServerTrust;
import sockets.step4.tls.TlsContexts;

/**
 * A test's TLS chat client on 127.0.0.1: the course's own {@link TlsWrapper} and
 * {@link SimpleSocket}, trusting the certificate given, every read bounded by 5 s.
 */
final class TlsClient implements AutoCloseable {

    final SimpleSocket socket;
    private final List<String> seen = new ArrayList<>();

    private TlsClient(SimpleSocket socket) throws IOException {
        this.socket = socket;
        socket.idleTimeout(5_000);
    }

    /** Connects to {@code 127.0.0.1:port} trusting {@code given}; known servers in {@code config}. */
    static TlsClient connect(int port, Fingerprint given, Path config, int handshakeMillis) throws IOException {
        ServerTrust trust = new ServerTrust("127.0.0.1:" + port, new KnownServers(config), given);
        return new TlsClient(TlsWrapper.connect("127.0.0.1", port, 5_000, 64 * 1024, TlsContexts.forClient(trust),
                handshakeMillis));
    }

    void send(String line) throws IOException {
        socket.sendLine(line);
    }

    /** Reads lines until one matches; fails naming {@code what} and the lines seen. */
    String expect(Predicate<String> matches, String what) throws IOException {
        while (true) {
            String line;
            try {
                line = socket.receiveLine();
            } catch (IOException e) {
                throw new AssertionError("expected " + what + " within 5 s, got " + e.getMessage() + "; seen: " + seen);
            }
            if (line == null) {
                throw new AssertionError("expected " + what + ", but the server closed; seen: " + seen);
            }
            seen.add(line);
            if (matches.test(line)) {
                return line;
            }
        }
    }

    String expectLine(String exactly) throws IOException {
        return expect(exactly::equals, "'" + exactly + "'");
    }

    @Override
    public void close() {
        socket.close();
    }
}
