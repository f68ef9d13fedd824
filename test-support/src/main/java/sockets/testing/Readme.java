package sockets.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * What a step's README.md shows, for the tests that check it is still true: the transcripts a
 * program prints, and the code excerpts taken from the sources. Works in the student edition
 * too: an excerpt of solution code that the edition left out is counted, not compared.
 */
public final class Readme {

    private static final String FENCE = "```";

    /**
     * How the student edition's note that replaces a left-out block starts (the student-edition
     * tool's {@code MarkdownRedactor.NOTE_START}): under an excerpt marker it means "left out".
     */
    public static final String LEFT_OUT = "> *Left out of the student edition: ";

    /** {@code <!-- excerpt: src/main/java/.../Listener.java tag=listen -->}, then the block or the note. */
    private static final Pattern EXCERPT = Pattern.compile(
            "<!-- excerpt: (\\S+) tag=(\\S+) -->\\n(?:```java\\n(.*?)```|" + Pattern.quote(LEFT_OUT) + ")",
            Pattern.DOTALL);

    /** An excerpt the README shows: the source file, the tag, and the code (null when left out). */
    public record Excerpt(String source, String tag, String shown) {}

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

    /**
     * Every excerpt of README.md: a line {@code <!-- excerpt: PATH tag=TAG -->} (PATH relative to
     * the module) right above a {@code java} block - or above the student edition's note.
     */
    public static List<Excerpt> excerpts() throws IOException {
        List<Excerpt> excerpts = new ArrayList<>();
        Matcher m = EXCERPT.matcher(read());
        while (m.find()) { // exit: no more excerpts
            excerpts.add(new Excerpt(m.group(1), m.group(2), m.group(3)));
        }
        return excerpts;
    }

    /**
     * Checks that README.md shows {@code count} excerpts and that each one is, exactly, its
     * tagged region of the source ({@link #tagged}); an excerpt the student edition left out is
     * counted but not compared (the source holds a stub there).
     */
    public static void assertExcerptsMatchSources(int count) throws IOException {
        List<Excerpt> excerpts = excerpts();
        for (Excerpt excerpt : excerpts) {
            if (excerpt.shown() != null) {
                assertEquals(tagged(Path.of(excerpt.source()), excerpt.tag()), excerpt.shown(),
                        "README excerpt of " + excerpt.source() + " tag " + excerpt.tag()
                                + " differs from the source: copy the tagged region again");
            }
        }
        assertEquals(count, excerpts.size(), "README.md should show " + count + " excerpts (<!-- excerpt: PATH tag=TAG -->"
                + " above a java block); it shows " + excerpts.stream().map(Excerpt::tag).toList());
    }

    /**
     * The lines between {@code // tag::TAG[]} and {@code // end::TAG[]} - every such region of the
     * file, in order, as asciidoctor's include joins them - other tag lines dropped, dedented.
     */
    public static String tagged(Path source, String tag) throws IOException {
        List<String> body = new ArrayList<>();
        boolean inside = false;
        for (String line : Files.readAllLines(source, StandardCharsets.UTF_8)) {
            String strip = line.strip();
            if (strip.equals("// tag::" + tag + "[]")) {
                inside = true;
            } else if (strip.equals("// end::" + tag + "[]")) {
                inside = false;
            } else if (inside && !strip.startsWith("// tag::") && !strip.startsWith("// end::")) {
                body.add(line.stripTrailing());
            }
        }
        assertTrue(!body.isEmpty(), "tag " + tag + " not found in " + source);
        int indent = body.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        StringBuilder text = new StringBuilder();
        body.forEach(line -> text.append(line.length() > indent ? line.substring(indent) : line.strip()).append('\n'));
        return text.toString();
    }

    /**
     * Skips the calling test (JUnit: aborted, not failed) while a tour's {@code transcript} says
     * a phase is {@code not done yet}: in the student edition the lesson's transcript is the
     * finished tour's, so comparing waits until the student's code is there.
     */
    public static void assumeTourFinished(String transcript) {
        Assumptions.assumeFalse(transcript.contains("not done yet - Exercise"),
                "the tour has phases not done yet (student edition): the README's transcript is the finished tour's");
    }

    /** The module's README.md: tests run in the module's folder. */
    private static String read() throws IOException {
        return Files.readString(Path.of("README.md"), StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
