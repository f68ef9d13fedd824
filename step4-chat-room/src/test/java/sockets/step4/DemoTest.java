package sockets.step4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.CapturedOutput;
import sockets.testing.Exercise;

@Exercise("4.7")
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@DisplayName("The demo")
class DemoTest {

    /** The first fenced block after the README's demo paragraph: the transcript a reader expects to see. */
    private static final Pattern TRANSCRIPT = Pattern.compile("```\\n(1\\. A chat server listens on .*?)```", Pattern.DOTALL);
    private static final Pattern PORT = Pattern.compile("127\\.0\\.0\\.1:\\d+");

    @Test
    @DisplayName("prints the conversation the README shows, line for line (only the port differs)")
    void printsTheReadmeTranscript() throws Exception {
        Matcher block = TRANSCRIPT.matcher(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8));
        assertTrue(block.find(), "the README should show the demo's output in a fenced block starting '1. A chat server'");
        String printed = CapturedOutput.of(Tour::main);
        assertEquals(anyPort(block.group(1)), anyPort(printed),
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
