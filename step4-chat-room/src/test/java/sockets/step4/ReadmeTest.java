package sockets.step4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
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

    @Test
    @DisplayName("tells the truth about the size of SimpleSocket and of the longest file")
    void sizesAreTrue() throws IOException {
        List<Path> sources;
        try (var walk = Files.walk(Path.of("src/main/java"))) {
            sources = walk.filter(file -> file.toString().endsWith(".java")).toList();
        }
        for (Path source : sources) {
            Assumptions.assumeFalse(Files.readString(source).contains("// TODO Exercise"),
                    "the student edition: the sizes are the course's");
        }
        String readme = Files.readString(Path.of("README.md")).replaceAll("\\s+", " ");
        Matcher claim = Pattern.compile("`SimpleSocket` is about (\\d+) lines.*?no file of this step's code is"
                + " longer than (\\d+) lines").matcher(readme);
        assertTrue(claim.find(), "README.md section 4.1 should say how long SimpleSocket and the longest file are");
        for (Path source : sources) {
            long lines = Files.readString(source, StandardCharsets.UTF_8).lines().count();
            assertTrue(lines <= Integer.parseInt(claim.group(2)), source + " has " + lines + " lines: split it by job, or"
                    + " correct README.md section 4.1");
        }
        long simpleSocket = Files.readString(Path.of("src/main/java/sockets/step4/SimpleSocket.java")).lines().count();
        int about = Integer.parseInt(claim.group(1));
        assertTrue(Math.abs(simpleSocket - about) <= about / 10, "SimpleSocket.java has " + simpleSocket
                + " lines, README.md section 4.1 says about " + about);
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
