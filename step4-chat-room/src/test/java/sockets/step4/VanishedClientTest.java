package sockets.step4;

import java.io.OutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.DisplayName;
import sockets.testing.VanishingClient;

/**
 * Ungraded: the chat server's keepalive notices a client that vanished without FIN or RST, and
 * tells its partner - {@link VanishingClient}'s test, run on the server {@link #main} starts in a
 * network namespace of its own, where changing the routing table harms nothing.
 */
@DisplayName("A client that vanishes (a network namespace of its own)")
class VanishedClientTest extends VanishingClient {

    /** In the namespace's JVM: this step's server with a keepalive of seconds, and a client that vanishes from it. */
    public static void main(String[] args) throws Exception {
        var settings = new ChatServer.Settings("127.0.0.1", 0, 4096, 10, 0, 15_000, new KeepAliveProbes(IDLE, INTERVAL, PROBES));
        try (ChatServer server = ChatServer.start(settings, new PrintStream(OutputStream.nullOutputStream()))) {
            chatThenVanish(server.port());
        }
    }
}
