package sockets.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The transcripts a step's README.md shows, for the tests that check the program still prints
 * them: a lesson that says "this is what you will see" must stay true.
 */
public final class Readme {

    private static final String FENCE = "```";

    private Readme() {}

    /** The rest of the fenced block in which the line {@code firstLine} (a command, say) stands. */
    public static String blockAfterLine(String firstLine) throws IOException {
        String readme = read();
        int at = readme.indexOf(firstLine + "\n");
        assertTrue(at >= 0, "README.md should show the line " + firstLine + " in a fenced block");
        int start = at + firstLine.length() + 1;
        return readme.substring(start, readme.indexOf(FENCE, start));
    }

    /** The first fenced block after {@code marker}, without its fences. */
    public static String blockAfter(String marker) throws IOException {
        String readme = read();
        int at = readme.indexOf(marker);
        assertTrue(at >= 0, "README.md should contain " + marker);
        int opening = readme.indexOf(FENCE, at);
        assertTrue(opening >= 0, "README.md should show a fenced block after " + marker);
        int start = readme.indexOf('\n', opening) + 1;
        return readme.substring(start, readme.indexOf(FENCE, start));
    }

    /** The module's README.md: tests run in the module's folder. */
    private static String read() throws IOException {
        return Files.readString(Path.of("README.md"), StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
