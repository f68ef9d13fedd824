package sockets.step3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.step3.tour.VanishedPeerDemo;

/**
 * Ungraded: keepalive really ends a connection whose peer vanished ({@link VanishedPeerDemo}, in a
 * network namespace of its own, where taking loopback down harms nothing). Needs Linux,
 * {@code unshare} and {@code ip}, and user namespaces (or root); skipped elsewhere unless
 * {@value #REQUIRE} is set (CI sets it).
 */
@Timeout(30)
@DisplayName("Keepalive and a peer that vanishes (a network namespace of its own)")
class VanishedPeerTest {

    static final String REQUIRE = "SOCKETS_REQUIRE_NETNS";

    @Test
    @DisplayName("a connection whose peer vanished ends with 'Connection timed out' after idle + interval x probes")
    void keepaliveNoticesAVanishedPeer() throws Exception {
        boolean possible = ExternalProgram.run(List.of("unshare", "-rn", "ip", "link", "set", "lo", "up"), Map.of()).exit() == 0;
        if (!possible && System.getenv(REQUIRE) != null) {
            fail(REQUIRE + " is set, but 'unshare -rn ip link set lo up' does not work here");
        }
        assumeTrue(possible, "no network namespace of our own here (needs Linux, unshare, ip, user namespaces)");
        String java = ProcessHandle.current().info().command().orElse("java");
        ExternalProgram demo = ExternalProgram.run(List.of("unshare", "-rn", "sh", "-c",
                "ip link set lo up && exec \"$0\" -cp \"$1\" \"$2\"",
                java, System.getProperty("java.class.path"), VanishedPeerDemo.class.getName()), Map.of());
        assertEquals(0, demo.exit(), demo.out() + demo.err());
        List<String> lines = demo.out().lines().toList();
        assertEquals(3, lines.size(), demo.out() + demo.err());
        assertTrue(lines.get(2).matches("after about [2-4] s \\(keepalive promised at most 3 s\\):"
                        + " SocketException: Connection timed out"),
                "keepalive (1 s idle, 2 probes 1 s apart) should end the connection in about 3 s: " + demo.out());
    }
}
