package sockets.step3;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sockets.testing.CapturedOutput;

@Timeout(15)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("The tour")
class TourTest {

    String printed;

    @BeforeAll
    void runTour() throws Exception {
        printed = CapturedOutput.of(() -> Tour.main(new String[0]));
    }

    void assertPrinted(String regex) {
        assertTrue(Pattern.compile(regex, Pattern.MULTILINE).matcher(printed).find(),
                "the tour should print a line matching /" + regex + "/; it printed:\n" + printed);
    }

    @ParameterizedTest(name = "shows phase {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void showsEveryPhase(int phase) {
        assertPrinted("^" + phase + "\\. \\S");
    }

    @Test
    @DisplayName("shows each pitfall with its outcome")
    void showsOutcomes() {
        for (String line : List.of(
                "client: read 12 bytes back: hello, echo",
                "server: one read\\(\\) returned 12 bytes: \"hello\\\\nworld\\\\n\"",
                "server: 6 reads returned \\[1, 1, 1, 1, 1, 1\\] bytes",
                "decoding each read: +\"caf\uFFFD\uFFFD\"",
                "LineReader \\(whole line\\): \"café\"",
                "LineTooLongException: line longer than 64 bytes",
                "server read: \"still talking\"",
                "FrameTooLargeException: frame of 2147483647 bytes",
                "server: nothing within 300 ms",
                "server: \"are you there\\?\"",
                "client: read the reply until -1: 18 bytes; read\\(\\) again: -1",
                "server: \"no newline yet, now it ends\"",
                "Nagle on \\(the default\\): +\\d+\\.\\d\\d ms per round",
                "setTcpNoDelay\\(true\\): +\\d+\\.\\d\\d ms per round",
                "LineWriter \\(one write, a lock\\): 0 of 1000 lines arrived mangled")) {
            assertPrinted(line);
        }
    }

    @Test
    @DisplayName("shows the scripted chat, both screens, ending gracefully")
    void showsTheChat() {
        assertPrinted("client's screen: +<server> yes! welcome");
        assertPrinted("server's screen: +<client> UTF-8 works: café, 日本");
        assertPrinted("server's screen: +<client> I have to go, bye\\n.*server's screen: +\\* client left the chat");
        assertPrinted("both conversations ended gracefully; both sockets closed");
    }
}
