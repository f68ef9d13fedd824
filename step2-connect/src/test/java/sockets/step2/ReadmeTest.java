package sockets.step2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.CapturedOutput;
import sockets.testing.Readme;

/**
 * Ungraded: the README's code excerpts are the tagged regions of the sources, never retyped, and its
 * transcript is what the tour really prints.
 */
@DisplayName("The README")
class ReadmeTest {

    private static final String TOUR_COMMAND = "$ ./mvnw -q compile exec:java -Dstep=2";

    @Test
    @DisplayName("shows each code excerpt exactly as it is in the tagged source")
    void excerptsMatchTheSources() throws IOException {
        // Five: listen, connect, every-address, accept-loop, explain (the student edition leaves them out, and says so).
        Readme.assertExcerptsMatchSources(5);
    }

    @Test
    @Timeout(10)
    @DisplayName("shows the tour's real output, ports aside")
    void showsTheToursRealOutput() throws Exception {
        String shown = Readme.blockAfterLine(TOUR_COMMAND);
        String printed = CapturedOutput.of(() -> Tour.main(new String[0]));
        Readme.assumeTourFinished(printed);
        assertEquals(withoutPorts(shown), withoutPorts(printed),
                "README.md section 1 differs from what the tour prints (ports masked) - run the tour and paste its output");
    }

    /** Ports are the one thing that changes from run to run: the kernel picks them. */
    static String withoutPorts(String transcript) {
        return transcript.replaceAll("\\b\\d{4,5}\\b", "<port>");
    }
}
