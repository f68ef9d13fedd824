package sockets.step4;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.CapturedOutput;
import sockets.testing.Readme;
import sockets.testing.ReadmeQuotes;

/**
 * Ungraded: the README's section 1 is what the tour prints, and its code excerpts are the tagged
 * regions of the sources. Only what changes from run to run or machine to machine is masked:
 * ports, and the counts and sizes of the tour's measurements.
 */
@DisplayName("The README")
class ReadmeTest {

    static final String TOUR_COMMAND = "`./mvnw -q compile exec:java -Dstep=4` prints";

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
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
        Readme.assertExcerptsMatchSources(15); // From exercises 4.1 to 4.10.
    }

    @Test
    @DisplayName("quotes each exercise's contract exactly as it is in the source")
    void quotesMatchTheSources() throws Exception {
        ReadmeQuotes.assertQuotesMatchSources(1); // ServerTrust.checkServerTrusted (exercise 4.10).
    }

    /** {@code transcript} with what changes from run to run replaced by a placeholder. */
    static String masked(String transcript) {
        return transcript.replace("\r\n", "\n")
                .replaceAll("(?m)^(   platform threads in the JVM: ).*$", "$1<counts>")
                .replaceAll("(?m)^(   memory).*$", "$1<measured>")
                .replaceAll("(?m)^(   ArrayList.add, no lock: ).*$", "$1<what happened>")
                .replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:<port>");
    }
}
