package sockets.step4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Ungraded: the chat server's keepalive notices a client that vanished without FIN or RST, and
 * tells its partner ({@link VanishedClient}, in a network namespace of its own, where changing the
 * routing table harms nothing). Needs Linux, {@code unshare} and {@code ip}, and user namespaces
 * (or root); skipped elsewhere unless {@value #REQUIRE} is set (CI sets it).
 */
@Timeout(30)
@DisplayName("A client that vanishes (a network namespace of its own)")
class VanishedClientTest {

    static final String REQUIRE = "SOCKETS_REQUIRE_NETNS";

    @Test
    @DisplayName("its partner is told '* bob left (connection lost)' once keepalive gives up: idle + interval x probes")
    void keepaliveNoticesAVanishedClient() throws Exception {
        boolean possible = exitCode(List.of("unshare", "-rn", "ip", "link", "set", "lo", "up")) == 0;
        if (!possible && System.getenv(REQUIRE) != null) {
            fail(REQUIRE + " is set, but 'unshare -rn ip link set lo up' does not work here");
        }
        assumeTrue(possible, "no network namespace of our own here (needs Linux, unshare, ip, user namespaces)");
        List<String> command = new java.util.ArrayList<>(List.of("unshare", "-rn", "sh", "-c", "ip link set lo up && exec \"$@\"", "sh"));
        command.addAll(sockets.testing.ChildJvm.command(VanishedClient.class.getName()));
        Process run = new ProcessBuilder(command).redirectErrorStream(true).start();
        run.getOutputStream().close();
        String printed = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8); // until it ends
        assertTrue(run.waitFor(20, TimeUnit.SECONDS), printed);
        assertEquals(0, run.exitValue(), printed);
        List<String> lines = printed.lines().toList();
        assertEquals(2, lines.size(), printed);
        assertTrue(lines.get(1).matches("bob vanished; after about [2-4] s alice reads: \\* bob left \\(connection lost\\)"),
                "keepalive (1 s idle, 2 probes 1 s apart) should end bob's connection in about 3 s: " + printed);
    }

    /** The exit code of {@code command}, run with nothing on its stdin; -1 when it cannot start. */
    private static int exitCode(List<String> command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (IOException notThere) {
            return -1;
        }
    }
}
