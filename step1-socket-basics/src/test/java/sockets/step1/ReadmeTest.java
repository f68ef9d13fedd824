package sockets.step1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.CapturedOutput;
import sockets.testing.Readme;

/**
 * Ungraded: the README's section 1 promises "this is what the tour printed" - only what differs
 * from run to run or machine to machine is masked: ports, buffer sizes, the temporary folder and
 * which of localhost's addresses the system lists - and its section 4 shows the sources' code.
 */
@Timeout(10)
@DisplayName("The README")
class ReadmeTest {

    private static final String COMMAND = "$ ./mvnw -q compile exec:java -Dstep=1";

    @Test
    @DisplayName("shows the tour's real output")
    void showsTheToursRealOutput() throws Exception {
        String shown = Readme.blockAfterLine(COMMAND);
        String printed = CapturedOutput.of(() -> Tour.main(new String[0]));
        Readme.assumeTourFinished(printed);
        assertEquals(masked(shown), masked(printed),
                "README.md section 1 differs from what the tour prints (ports, buffer sizes and paths masked)"
                        + " - run the tour and paste its output");
    }

    @Test
    @DisplayName("shows each code excerpt exactly as it is in the tagged source")
    void excerptsMatchTheSources() throws Exception {
        // Eleven, section 4: each method the step's classes are made of (the student edition leaves them out).
        Readme.assertExcerptsMatchSources(11);
    }

    /** {@code transcript} with what changes from run to run replaced by a placeholder. */
    static String masked(String transcript) {
        return transcript
                .replaceAll("(?m)^(   localhost -> ).*$", "$1<its addresses>")
                .replaceAll("(channel bound to )\\S*tour\\.sock", "$1<temporary folder>/tour.sock")
                // A buffer size can be 4 to 7 digits: mask the padding with it, so columns still line up.
                .replaceAll("(SO_RCVBUF|SO_SNDBUF)( +)\\d+ +", "$1$2<bytes> ")
                .replaceAll("\\b\\d{4,5}\\b", "<port>");
    }
}
