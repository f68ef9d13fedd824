package sockets.step1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.CapturedOutput;
import sockets.testing.Exercise;

@Timeout(10)
@DisplayName("Tour")
class TourTest {

    private static String transcript;

    @BeforeAll
    static void runTheTour() throws Exception {
        transcript = CapturedOutput.of(() -> Tour.main(new String[0]));
    }

    /** The lines of phase {@code number}, from its title to the next phase's. */
    private static String phase(int number) {
        List<String> lines = new ArrayList<>();
        boolean inside = false;
        for (String line : transcript.lines().toList()) {
            if (line.matches("\\d\\. .*") || line.startsWith("Tour done")) {
                inside = line.startsWith(number + ". ");
            }
            if (inside) {
                lines.add(line);
            }
        }
        String text = String.join("\n", lines);
        assertFalse(text.isEmpty(), "the tour printed no phase " + number + "; it printed:\n" + transcript);
        text.lines().filter(line -> line.contains("not done yet") || line.contains("failed - ")).findFirst()
                .ifPresent(line -> {
                    throw new AssertionError("phase " + number + " of the tour says '" + line.strip() + "'");
                });
        return text;
    }

    private static void assertShows(String phase, String expected, String what) {
        assertTrue(phase.contains(expected),
                "the tour should print '" + expected + "' (" + what + ")\n" + phase);
    }

    @Test
    @Exercise("1.1")
    @DisplayName("prints phases 1-6, ends")
    void printsEveryPhaseInOrder() {
        List<String> titles = transcript.lines().filter(line -> line.matches("\\d\\. .*"))
                .map(line -> line.substring(0, 2)).toList();
        assertEquals(List.of("1.", "2.", "3.", "4.", "5.", "6."), titles, "the tour's numbered phases");
        assertTrue(transcript.strip().endsWith("Tour done: every socket is closed."),
                "the tour should end with its closing line; it printed:\n" + transcript);
    }

    @Nested
    @Exercise("1.1")
    @DisplayName("phase 1")
    class Phase1 {
        @Test
        @DisplayName("shows fresh sockets")
        void showsFreshSockets() {
            String phase = phase(1);
            assertShows(phase, "new Socket()             Socket[unconnected]", "a fresh Socket");
            assertShows(phase, "new ServerSocket()       ServerSocket[unbound]", "a fresh ServerSocket");
            assertShows(phase, "new DatagramSocket(null) bound: false", "a fresh DatagramSocket");
        }
    }

    @Nested
    @Exercise("1.2")
    @DisplayName("phase 2")
    class Phase2 {
        @Test
        @DisplayName("looks up addresses")
        void looksUpAddresses() {
            String phase = phase(2);
            // Which addresses localhost has, and in which order, depends on the system: look for either.
            assertTrue(phase.contains("localhost -> 127.0.0.1 INET")
                            || phase.contains("localhost -> ::1 INET6"),
                    "the tour should print localhost's loopback addresses\n" + phase);
            assertShows(phase, "127.0.0.1 -> 127.0.0.1 INET", "an IPv4 literal");
            assertShows(phase, "::1 -> ::1 INET6", "an IPv6 literal");
        }
    }

    @Nested
    @Exercise("1.3")
    @DisplayName("phase 3")
    class Phase3 {
        @Test
        @DisplayName("binds 3 families")
        void opensEachFamily() {
            String phase = phase(3);
            assertShows(phase, "INET  channel bound to 127.0.0.1:", "the IPv4 channel");
            assertShows(phase, "INET6 channel bound to [::1]:", "the IPv6 channel");
            assertShows(phase, "after close(), the socket file still exists: true", "the leftover file");
            Matcher unix = Pattern.compile("UNIX  channel bound to (\\S+)").matcher(phase);
            assertTrue(unix.find(), "the UNIX channel's path: " + phase);
            Path file = Path.of(unix.group(1));
            assertFalse(Files.exists(file) || Files.exists(file.getParent()),
                    "the tour must delete its socket file and folder: " + file);
        }
    }

    @Nested
    @Exercise("1.4")
    @DisplayName("phase 4")
    class Phase4 {
        @Test
        @DisplayName("shows states")
        void showsState() {
            String phase = phase(4);
            assertShows(phase, "new Socket():       unbound, unconnected, open, local port -1", "a fresh Socket");
            assertShows(phase, "new ServerSocket(): unbound, unconnected, open, local port -1",
                    "a fresh ServerSocket");
            assertShows(phase, "after close(): unbound, unconnected, closed", "a closed Socket");
        }
    }

    @Nested
    @Exercise("1.5")
    @DisplayName("phase 5")
    class Phase5 {
        @Test
        @DisplayName("shows options")
        void showsOptions() {
            String phase = phase(5);
            assertShows(phase, "TCP_NODELAY  false", "Nagle is on by default");
            assertShows(phase, "SO_TIMEOUT   0", "no read timeout by default");
            assertShows(phase, "SO_LINGER    -1", "linger is off by default");
            assertShows(phase, "SO_KEEPALIVE false", "keep-alive is off by default");
            for (String option : List.of("SO_REUSEADDR", "SO_RCVBUF", "SO_SNDBUF")) {
                assertShows(phase, option, "every option is printed");
            }
            assertShows(phase, "ServerSocket", "the server socket's options");
        }
    }

    @Nested
    @Exercise("1.6")
    @DisplayName("phase 6")
    class Phase6 {
        @Test
        @DisplayName("binds to port 0")
        void bindsToPortZero() {
            String phase = phase(6);
            Matcher picked = Pattern.compile("the kernel picked port (\\d+)").matcher(phase);
            assertTrue(picked.find(), "the tour should say which port the kernel picked: " + phase);
            String port = picked.group(1);
            assertShows(phase, "bind to " + port + " again, while it is open -> BindException",
                    "a taken port");
            assertShows(phase, "bind to " + port + " again, after close()     -> bound to 127.0.0.1:" + port,
                    "a freed port");
        }
    }
}
