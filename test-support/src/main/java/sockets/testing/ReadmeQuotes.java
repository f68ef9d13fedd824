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

/**
 * The quotes of a step's README.md that are not a tagged region (those are {@link Readme}'s
 * excerpts): a method's javadoc and signature - the contract of an exercise, shown without its
 * body - or a few lines of a program in another language. A line {@code <!-- quote: PATH -->}
 * (PATH relative to the module) stands right above the fenced block; the block's lines must stand,
 * one after another, in PATH - indentation aside, and the last line of a contract may leave out
 * the {@code " {"} that opens the method's body - so the lesson cannot drift from the code.
 */
public final class ReadmeQuotes {

    private static final Pattern QUOTE = Pattern.compile("<!-- quote: (\\S+) -->\\n```\\w*\\n(.*?)```", Pattern.DOTALL);

    private ReadmeQuotes() {}

    /** Checks that README.md shows {@code count} quotes, each found as it is in its source. */
    public static void assertQuotesMatchSources(int count) throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8).replace("\r\n", "\n");
        Matcher quote = QUOTE.matcher(readme);
        List<String> found = new ArrayList<>();
        while (quote.find()) { // exit: no more quotes
            Path source = Path.of(quote.group(1));
            found.add(source.getFileName().toString());
            assertTrue(standsIn(lines(quote.group(2)), lines(Files.readString(source, StandardCharsets.UTF_8))),
                    "README.md quotes lines that " + source + " does not have (any more) - copy them again:\n"
                            + quote.group(2));
        }
        assertEquals(count, found.size(),
                "README.md should show " + count + " quotes (<!-- quote: PATH --> above a block); it shows " + found);
    }

    /** True when {@code quoted} stands in {@code source} as consecutive lines. */
    static boolean standsIn(List<String> quoted, List<String> source) {
        for (int start = 0; start + quoted.size() <= source.size(); start++) {
            if (sameFrom(quoted, source, start)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameFrom(List<String> quoted, List<String> source, int start) {
        for (int i = 0; i < quoted.size(); i++) {
            String line = source.get(start + i);
            boolean last = i == quoted.size() - 1;
            if (!line.equals(quoted.get(i)) && !(last && line.equals(quoted.get(i) + " {"))) {
                return false;
            }
        }
        return true;
    }

    /** The text's lines without their indentation: a quote is dedented, its source is not. */
    private static List<String> lines(String text) {
        return text.replace("\r\n", "\n").lines().map(String::strip).toList();
    }
}
