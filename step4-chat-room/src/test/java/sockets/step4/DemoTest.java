package sockets.step4;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    private static final String PART_2 = "Part 2 - the chat room (the same as: chat demo)\n";

    @Test
    @DisplayName("chat demo prints the conversation of the README's tour, line for line (only the port differs)")
    void printsTheReadmeConversation() throws Exception {
        String tour = Readme.blockAfterLine(ReadmeTest.TOUR_COMMAND);
        String shown = tour.substring(tour.indexOf(PART_2) + PART_2.length());
        CommandLineTest.Run demo = CommandLineTest.chat("demo");
        assertEquals(0, demo.exitCode(), demo.err());
        assertEquals(ReadmeTest.masked(shown), ReadmeTest.masked(demo.out()),
                "the demo must tell the story of the README, in the same order, both screens");
    }

    @Test
    @DisplayName("the tour with arguments runs that chat command instead")
    void tourWithArguments() throws Exception {
        assertEquals("chat 1.0", CapturedOutput.of(() -> Tour.main("--version")).strip());
    }
}
