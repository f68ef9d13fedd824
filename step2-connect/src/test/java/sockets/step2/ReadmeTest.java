package sockets.step2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.CapturedOutput;
import sockets.testing.Readme;

/**
 * Ungraded: the README's code excerpts are the tagged regions of the sources, never retyped, and its
 * transcript is what the tour really prints.
 */
@DisplayName("The README")
class ReadmeTest {

    private static final String TOUR_COMMAND = "$ ./mvnw -q -pl step2-connect exec:java";

    private static final Pattern EXCERPT = Pattern.compile(
            "<!-- excerpt: (\\S+) tag=(\\S+) -->\\n```java\\n(.*?)```", Pattern.DOTALL);

    /** The lines between {@code tag::NAME[]} and {@code end::NAME[]}, tag lines dropped, dedented. */
    static String tagged(Path source, String tag) throws IOException {
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        int start = lines.stream().map(String::strip).toList().indexOf("// tag::" + tag + "[]");
        int end = lines.stream().map(String::strip).toList().indexOf("// end::" + tag + "[]");
        assertTrue(start >= 0 && end > start, "tag " + tag + " not found in " + source);
        List<String> body = lines.subList(start + 1, end).stream()
                .filter(line -> !line.strip().startsWith("// tag::") && !line.strip().startsWith("// end::"))
                .toList();
        int indent = body.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        StringBuilder text = new StringBuilder();
        body.forEach(line -> text.append(line.length() > indent ? line.substring(indent) : line.strip()).append('\n'));
        return text.toString();
    }

    @Test
    @DisplayName("shows each code excerpt exactly as it is in the tagged source")
    void excerptsMatchTheSources() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Matcher excerpt = EXCERPT.matcher(readme);
        int count = 0;
        while (excerpt.find()) { // exit: no more excerpts in the README
            count++;
            assertEquals(tagged(Path.of(excerpt.group(1)), excerpt.group(2)), excerpt.group(3),
                    "README excerpt of " + excerpt.group(1) + " tag " + excerpt.group(2)
                            + " differs from the source: regenerate it from the tagged region");
        }
        assertEquals(4, count, "the README should show the four excerpts: listen, connect, accept-loop, explain");
    }

    @Test
    @Timeout(10)
    @DisplayName("shows the tour's real output, ports aside")
    void showsTheToursRealOutput() throws Exception {
        String shown = Readme.blockAfterLine(TOUR_COMMAND);
        String printed = CapturedOutput.of(() -> Tour.main(new String[0]));
        assertEquals(withoutPorts(shown), withoutPorts(printed),
                "README.md section 1 differs from what the tour prints (ports masked) - run the tour and paste its output");
    }

    /** Ports are the one thing that changes from run to run: the kernel picks them. */
    static String withoutPorts(String transcript) {
        return transcript.replaceAll("\\b\\d{4,5}\\b", "<port>");
    }
}
