package sockets.step4;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import sockets.testing.VanishingClient;

/**
 * Step 4's chat server with a keepalive of seconds, and a client that vanishes from it
 * ({@link VanishingClient}): run by {@link VanishedClientTest} in a network namespace of its own.
 */
final class VanishedClient {

    private VanishedClient() {}

    public static void main(String[] args) throws Exception {
        var probes = new KeepAliveProbes(VanishingClient.IDLE, VanishingClient.INTERVAL, VanishingClient.PROBES);
        var settings = new ChatServer.Settings("127.0.0.1", 0, 4096, 10, 0, 15_000, probes);
        var log = new ByteArrayOutputStream();
        try (ChatServer server = ChatServer.start(settings, new PrintStream(log, true, StandardCharsets.UTF_8))) {
            VanishingClient.chatThenVanish(server.port());
        }
    }
}
