package sockets.step1.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.BindException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.CapturedOutput;

/** Ungraded: the skeleton every tour shares (course code, not an exercise). */
@Timeout(10)
@DisplayName("The tour skeleton")
class TourScriptTest {

    private static final String STUB = "Exercise 1.7: A phase to come";

    @Nested
    @DisplayName("a phase")
    class Phase {
        @Test
        @DisplayName("prints its number and title, then what it says, indented")
        void printsTitleThenLines() throws Exception {
            String printed = CapturedOutput.of(() -> {
                TourScript tour = TourScript.begin("Step 9 - a heading");
                tour.phase(1, "First", () -> TourScript.say("port %d", 5555));
                tour.end("Tour done.");
            });
            assertEquals("Step 9 - a heading\n\n1. First\n   port 5555\n\nTour done.\n", printed);
        }

        @Test
        @DisplayName("that runs into a stub says 'not done yet' and the tour goes on")
        void stubIsNotDoneYet() throws Exception {
            String printed = CapturedOutput.of(() -> {
                TourScript tour = TourScript.begin("T");
                tour.phase(7, "A phase to come", () -> {
                    throw new UnsupportedOperationException(STUB);
                });
                tour.phase(8, "The next one", () -> TourScript.say("still here"));
                tour.end("Tour done.");
            });
            assertEquals("T\n\n7. A phase to come\n   not done yet - " + STUB + "\n\n8. The next one\n   still here\n"
                    + "\nTour done.\nNot done yet: exercise 1.7 - write it (look for TODO Exercise) and run the tour again.\n",
                    printed);
        }

        @Test
        @DisplayName("lists what is left in the exercises' order: 3.9 before 3.10")
        void leftInOrder() throws Exception {
            String printed = CapturedOutput.of(() -> {
                TourScript tour = TourScript.begin("T");
                tour.phase(1, "Ten", () -> {
                    throw new UnsupportedOperationException("Exercise 3.10: Ten");
                });
                tour.phase(2, "Nine", () -> {
                    throw new UnsupportedOperationException("Exercise 3.9: Nine");
                });
                tour.end("Tour done.");
            });
            assertTrue(printed.endsWith("Not done yet: exercises 3.9, 3.10 - write them (look for TODO Exercise)"
                    + " and run the tour again.\n"), printed);
        }

        @Test
        @DisplayName("whose server thread ran into a stub says 'not done yet', without a stack trace")
        void stubOnAnotherThread() throws Exception {
            String printed = CapturedOutput.of(() -> TourScript.begin("T").phase(2, "Served", () -> {
                Thread server = Thread.ofPlatform().start(() -> {
                    throw new UnsupportedOperationException(STUB);
                });
                server.join(5000);
                throw new IllegalStateException("nothing arrived");
            }));
            assertEquals("T\n\n2. Served\n   not done yet - " + STUB + "\n", printed);
        }

        @Test
        @DisplayName("that fails otherwise says so in one line")
        void failureIsOneLine() throws Exception {
            String printed = CapturedOutput.of(() -> TourScript.begin("T").phase(8, "A phase that fails", () -> {
                throw new BindException("Address already in use");
            }));
            assertEquals("T\n\n8. A phase that fails\n   failed - java.net.BindException: Address already in use\n",
                    printed);
        }

        @Test
        @DisplayName("that throws UnsupportedOperationException of its own has failed: only stubs are 'not done yet'")
        void onlyStubsAreNotDone() throws Exception {
            String printed = CapturedOutput.of(() -> TourScript.begin("T").phase(1, "List", () -> {
                throw new UnsupportedOperationException("immutable list");
            }));
            assertEquals("T\n\n1. List\n   failed - java.lang.UnsupportedOperationException: immutable list\n", printed);
        }
    }

    @Nested
    @DisplayName("a phase that needs an earlier one")
    class Needs {
        @Test
        @DisplayName("is not done while the earlier one is not")
        void notDoneWhileEarlierIsNot() throws Exception {
            String printed = CapturedOutput.of(() -> {
                TourScript tour = TourScript.begin("T");
                tour.phase(1, "Listen", () -> {
                    throw new UnsupportedOperationException(STUB);
                });
                tour.phase(2, "Connect", () -> {
                    tour.needs(1);
                    TourScript.say("connected?!");
                });
            });
            assertEquals("T\n\n1. Listen\n   not done yet - " + STUB + "\n\n2. Connect\n   not done yet - " + STUB
                    + " (phase 1)\n", printed);
        }

        @Test
        @DisplayName("fails when the earlier one failed, and runs when it finished")
        void failsOrRuns() throws Exception {
            String printed = CapturedOutput.of(() -> {
                TourScript tour = TourScript.begin("T");
                tour.phase(1, "Fails", () -> {
                    throw new BindException("taken");
                });
                tour.phase(2, "Works", () -> TourScript.say("ok"));
                tour.phase(3, "After 1", () -> tour.needs(1));
                tour.phase(4, "After 2", () -> {
                    tour.needs(2);
                    TourScript.say("ran");
                });
            });
            assertEquals("T\n\n1. Fails\n   failed - java.net.BindException: taken\n\n2. Works\n   ok\n"
                    + "\n3. After 1\n   failed - phase 1 failed, and this one builds on it\n\n4. After 2\n   ran\n", printed);
        }
    }
}
