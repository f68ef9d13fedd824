package sockets.step3.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Ungraded: the demo's own checks, in this JVM. The real thing - loopback down in a network
 * namespace of its own, and keepalive ending the connection - is {@code VanishedPeerTest}'s.
 */
@Timeout(10)
@DisplayName("VanishedPeerDemo")
class VanishedPeerDemoTest {

    @Test
    @DisplayName("refuses to run where loopback is not the only interface: it would take it down")
    void refusesOutsideItsOwnNamespace() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VanishedPeerDemo.run(new PrintStream(out, true, StandardCharsets.UTF_8), List.of("eth0", "lo"), pair -> {
            throw new AssertionError("the demo must not touch any interface here");
        });
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith(
                "error: this demo takes the loopback interface down; run it in a network namespace of its own"));
    }

    @Test
    @DisplayName("reports how the connection ended once the peer is gone (here: reset, in a moment)")
    void reportsTheEnding() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VanishedPeerDemo.run(new PrintStream(out, true, StandardCharsets.UTF_8), List.of("lo"), pair -> {
            pair.server().setSoLinger(true, 0); // gone with a RST: the read below ends at once
            pair.server().close();
        });
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(2).matches("after about 0 s \\(keepalive promised at most 3 s\\):"
                + " SocketException: Connection reset"), lines.get(2));
    }
}
