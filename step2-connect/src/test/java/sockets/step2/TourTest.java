package sockets.step2;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.CapturedOutput;
import sockets.testing.Readme;

/** Ungraded: checks that the tour tells the story the README tells, with every failure. */
@DisplayName("The tour")
class TourTest {

    @Test
    @Timeout(10)
    @DisplayName("narrates the eleven phases, both ends agreeing, each failure in one line, every address tried")
    void narratesEveryPhase() throws Exception {
        String printed = CapturedOutput.of(() -> Tour.main(new String[0]));
        Readme.assumeTourFinished(printed);
        for (int phase = 1; phase <= 11; phase++) {
            assertTrue(printed.contains("\n" + phase + ". "), "phase " + phase + " missing:\n" + printed);
        }
        String[] expected = {
            "client's local address == server's remote address: true",
            "client 1: read \"hello client 1, you are 127.0.0.1:",
            "client 3: read \"hello client 3, you are 127.0.0.1:",
            "then end of stream (the server closed)",
            "client: error: connection refused by 127.0.0.1:",
            "client 3: error: connect to 127.0.0.1:",
            "client: error: unknown host 'no-such-host.invalid'",
            "server 2: error: cannot listen on 127.0.0.1:",
            "restart with SO_REUSEADDR off: error: cannot listen on 127.0.0.1:",
            "restart with SO_REUSEADDR on (the JDK's default on Linux and macOS): listening on 127.0.0.1:",
            "bound to 0.0.0.0:",
            "client: tries ::1 (nothing listens there), then 127.0.0.1 -> connected to 127.0.0.1:",
            "nothing listens on either: error: connection refused by [::1]:",
            "1 more attached (getSuppressed())",
            "Tour done",
        };
        for (String line : expected) {
            assertTrue(printed.contains(line), "the tour should print '" + line + "':\n" + printed);
        }
        assertTrue(Pattern.compile("accept\\(\\) -> client 1 .*\\n.*client 2 .*\\n.*client 3 ").matcher(printed).find(),
                "the accept loop should serve clients 1, 2, 3 in order:\n" + printed);
        assertFalse(printed.contains("?!"), "an unexpected outcome was printed:\n" + printed);
        assertFalse(printed.contains("Exception"), "no exception names or stack traces:\n" + printed);
    }
}
