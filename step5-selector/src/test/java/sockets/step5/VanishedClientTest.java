package sockets.step5;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.VanishingClient;

/**
 * Ungraded: step 4's promise on one thread - keepalive notices a client that vanished without FIN
 * or RST, the selector finds its connection readable, the read fails, and its partner is told
 * ({@link VanishedClient}, in a network namespace of its own). Needs Linux, {@code unshare} and
 * {@code ip}, and user namespaces (or root); skipped elsewhere unless
 * {@value VanishingClient#REQUIRE} is set (CI sets it).
 */
@Timeout(30)
@DisplayName("A client that vanishes (a network namespace of its own)")
class VanishedClientTest {

    @Test
    @DisplayName("its partner is told '* bob left (connection lost)' once keepalive gives up: idle + interval x probes")
    void keepaliveNoticesAVanishedClient() throws Exception {
        VanishingClient.assertPartnerTold(VanishedClient.class);
    }
}
