package sockets.step3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.CapturedOutput;
import sockets.testing.Readme;

@Timeout(20)
@DisplayName("The tour")
class TourTest {

    /** Phase 10's timings, as "Nagle on (the default):    42.26 ms per round". */
    static final Pattern TIMING = Pattern.compile("^( +\\S.*\\):) +(\\d+\\.\\d\\d) ms per round", Pattern.MULTILINE);
    /** Phase 11's race: how many lines the unlocked writers mangled, and the note when none was. */
    static final Pattern RACE = Pattern.compile(
            "^( +byte by byte, no lock: +)(\\d+)( of \\d+ lines arrived mangled)(.*)$", Pattern.MULTILINE);

    /** Phase 15's keepalive timers of the system, which differ from one system to the next. */
    static final Pattern SYSTEM_TIMERS = Pattern.compile("(this system's timers: ).*$", Pattern.MULTILINE);

    @Test
    @DisplayName("prints the transcript of README.md, \"What you will build\" - all but the measured numbers")
    void printsTheReadmeTranscript() throws Exception {
        String printed = CapturedOutput.of(() -> Tour.main(new String[0])).lines().collect(Collectors.joining("\n"));
        Readme.assumeTourFinished(printed);

        String shown = Readme.blockAfter("`./mvnw -q compile exec:java -Dstep=3` prints").stripTrailing();
        assertEquals(unmeasured(shown), unmeasured(printed),
                "the tour should print what README.md shows (timings, the race count and the system's keepalive timers aside):"
                        + " fix the tour, or run it and update the README");

        List<String> timings = TIMING.matcher(printed).results().map(timing -> timing.group(2)).toList();
        assertEquals(2, timings.size(), "phase 10 prints two timings like '42.26 ms per round':\n" + printed);
        for (String millis : timings) {
            assertTrue(Double.parseDouble(millis) > 0, "a round trip over TCP takes time, measured " + millis + " ms");
        }
        Matcher race = RACE.matcher(printed);
        assertTrue(race.find(), "phase 11 prints how many lines the unlocked writers mangled:\n" + printed);
        boolean noneMangled = race.group(2).equals("0");
        assertEquals(noneMangled, race.group(4).contains("lucky this time"),
                "the 'lucky' note belongs to a run where the race mangled nothing: " + race.group());
    }

    /** The text with phase 10's timings, phase 11's race count (and its note) and phase 15's system timers masked. */
    static String unmeasured(String text) {
        String timingsMasked = TIMING.matcher(text).replaceAll("$1 #.## ms per round");
        String raceMasked = RACE.matcher(timingsMasked).replaceAll("$1#$3");
        return SYSTEM_TIMERS.matcher(raceMasked).replaceAll("$1(this system's)");
    }
}
