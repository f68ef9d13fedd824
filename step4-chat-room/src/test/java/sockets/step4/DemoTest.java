package sockets.step4;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.CapturedOutput;
import sockets.testing.Exercise;
import sockets.testing.Readme;

@Exercise("4.9")
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@DisplayName("The demo")
class DemoTest {

    private static final Pattern PORT = Pattern.compile("127\\.0\\.0\\.1:\\d+");

    @Test
    @DisplayName("prints the conversation the README shows, line for line (only the port differs)")
    void printsTheReadmeTranscript() throws Exception {
        // The first fenced block after the demo's paragraph: the transcript a reader expects to see.
        String shown = Readme.blockAfter("what its user types");
        String printed = CapturedOutput.of(Tour::main);
        assertEquals(anyPort(shown), anyPort(printed),
                "the demo must tell the story of the README, in the same order, both screens");
    }

    @Test
    @DisplayName("the tour with arguments runs that chat command instead of the demo")
    void tourWithArguments() throws Exception {
        assertEquals("chat 1.0", CapturedOutput.of(() -> Tour.main("--version")).strip());
    }

    private static String anyPort(String text) {
        return PORT.matcher(text.replace("\r\n", "\n")).replaceAll("127.0.0.1:PORT");
    }
}
