package sockets.step5;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import sockets.testing.CapturedOutput;

/**
 * Ungraded: the tour's side-by-side measurement (phase 5) counts what it says - step 5's half, run
 * here in this JVM as the tour's child JVM runs it (step 4's 2,000 virtual threads are measured by
 * step 4's own IdleClientsTest). Counts only, never timings.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@DisplayName("The tour's side-by-side measurement")
@ExtendWith(StubFirst.class)
class SideBySideTest {

    private static final Pattern FIGURES = Pattern.compile("(\\d+) (\\d+) (-?\\d+) ([0-9.]+)");

    @Test
    @DisplayName("step 5: 2,000 idle clients and a chatting room cost one platform thread, the loop's")
    void stepFive() throws Exception {
        Matcher figures = figures("step5");
        int added = Integer.parseInt(figures.group(2)) - Integer.parseInt(figures.group(1));
        // The loop's thread; one more at most for what the JVM may start meanwhile (another test's ending is not ours).
        assertTrue(added >= 1 && added <= 2, "platform threads added by step 5's server with its 2,000 clients: " + figures.group());
        assertTrue(Double.parseDouble(figures.group(4)) > 0, "a round trip takes some time: " + figures.group());
    }

    /** What the child JVM's main prints: threads before, threads with, RSS growth, p50. */
    private static Matcher figures(String which) throws Exception {
        String printed = CapturedOutput.of(() -> SideBySide.main(new String[] {which})).strip();
        Matcher figures = FIGURES.matcher(printed);
        assertTrue(figures.matches(), "SideBySide.main printed: " + printed);
        return figures;
    }
}
