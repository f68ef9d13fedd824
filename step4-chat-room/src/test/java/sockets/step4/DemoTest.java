package sockets.step4;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.CapturedOutput;
import sockets.testing.Readme;

/**
 * Not graded: the demo, the tour and the command line's version are given code, and the README is
 * the student's to edit - a graded test never reads it. Each exercise's own tests cover the chat
 * the demo runs; this checks that the lesson still tells the demo's story.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@DisplayName("The demo")
class DemoTest {

    private static final String PHASE_6 = "6. The chat room: a server, alice and bob (the same as: chat demo)\n";

    @Test
    @DisplayName("chat demo prints the conversation of the README's tour, line for line (only the port differs)")
    void printsTheReadmeConversation() throws Exception {
        String tour = Readme.blockAfter(ReadmeTest.TOUR_COMMAND);
        String phase = tour.substring(tour.indexOf(PHASE_6) + PHASE_6.length(), tour.indexOf("\n\n", tour.indexOf(PHASE_6)) + 1);
        String shown = phase.replaceAll("(?m)^   ", "")
                + "Now try it yourself: chat server, then chat client in two terminals.\n";
        CommandLineTest.Run demo = CommandLineTest.chat("demo");
        assertEquals(0, demo.exitCode(), demo.err());
        assertEquals(ReadmeTest.masked(shown), ReadmeTest.masked(demo.out()),
                "the demo must tell the story of the README's phase 6, in the same order, both screens");
    }

    @Test
    @DisplayName("the tour with arguments runs that chat command instead")
    void tourWithArguments() throws Exception {
        assertEquals("chat 1.0", CapturedOutput.of(() -> Tour.main("--version")).strip());
    }
}
