package sockets.step5;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.CapturedOutput;
import sockets.testing.Readme;

/**
 * Ungraded: the README's section 1 is what the tour prints, and its code excerpts are the tagged
 * regions of the sources. Only what changes from run to run or machine to machine is masked:
 * ports, and the sizes, counts and times the tour measures.
 */
@DisplayName("The README")
class ReadmeTest {

    static final String TOUR_COMMAND = "`./mvnw -q compile exec:java -Dstep=5` prints";

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @DisplayName("shows the tour's real output, measurements and ports aside")
    void showsTheToursRealOutput() throws Exception {
        String shown = Readme.blockAfter(TOUR_COMMAND);
        String printed = CapturedOutput.of(() -> Tour.main());
        Readme.assumeTourFinished(printed);
        assertEquals(masked(shown), masked(printed),
                "README.md section 1 differs from what the tour prints (ports and measurements masked)"
                        + " - run the tour and paste its output");
    }

    @Test
    @DisplayName("shows each code excerpt exactly as it is in the tagged source")
    void excerptsMatchTheSources() throws Exception {
        Readme.assertExcerptsMatchSources(7); // From exercises 5.1 to 5.5.
    }

    /** {@code transcript} with what changes from run to run replaced by a placeholder. */
    static String masked(String transcript) {
        return transcript.replace("\r\n", "\n")
                .replaceAll("\\d[\\d,.]* (KB|MB|GB|us) *", "<size> ")
                .replaceAll("(?m)^(   threads in the JVM: ).*$", "$1<counts>")
                .replaceAll("(?m)^(   platform threads in the JVM +).*$", "$1<counts>")
                .replaceAll("the loop turns \\d+ times", "the loop turns <n> times")
                .replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:<port>");
    }
}
