package sockets.step5;

import java.io.OutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.DisplayName;
import sockets.step4.ChatServer;
import sockets.step4.KeepAliveProbes;
import sockets.testing.VanishingClient;

/**
 * Ungraded: step 4's promise on one thread - keepalive notices a client that vanished without FIN
 * or RST, the selector finds its connection readable, the read fails, and its partner is told
 * ({@link VanishingClient}'s test, run on the server {@link #main} starts in a network namespace of
 * its own).
 */
@DisplayName("A client that vanishes (a network namespace of its own)")
class VanishedClientTest extends VanishingClient {

    /** In the namespace's JVM: this step's server with a keepalive of seconds, and a client that vanishes from it. */
    public static void main(String[] args) throws Exception {
        var settings = new ChatServer.Settings("127.0.0.1", 0, 4096, 10, 0, 15_000, new KeepAliveProbes(IDLE, INTERVAL, PROBES));
        try (SelectorServer server = SelectorServer.start(settings, new PrintStream(OutputStream.nullOutputStream()))) {
            chatThenVanish(server.port());
        }
    }
}
