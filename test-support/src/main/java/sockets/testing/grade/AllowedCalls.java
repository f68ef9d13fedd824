package sockets.testing.grade;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a step's code may use although {@link CodeScan} forbids it elsewhere, and why: the step's
 * {@code src/test/resources/allowed-calls.txt} (the course's own copy when grading), one line
 * each, {@code WHO | WHAT | WHY}. WHO is a class ({@code sockets.step1.Tour}) or a package and
 * everything below it ({@code sockets.step4..}); WHAT is a call ({@code java.nio.file.Files.delete}),
 * a class, or a package ({@code picocli..}); WHY names the exercise or the lesson that needs it.
 * Blank lines and {@code #} comments are ignored.
 */
public record AllowedCalls(List<Entry> entries) {

    public static final String FILE = "src/test/resources/allowed-calls.txt";

    public record Entry(String who, String what, String why) {
        boolean allows(String className, String target) {
            return matches(who, className) && matches(what, target);
        }

        private static boolean matches(String pattern, String name) {
            if (pattern.endsWith("..")) {
                String root = pattern.substring(0, pattern.length() - 2);
                return name.equals(root) || name.startsWith(root + ".");
            }
            return name.equals(pattern) || name.startsWith(pattern + "$");
        }
    }

    public static final AllowedCalls NONE = new AllowedCalls(List.of());

    public static AllowedCalls of(Path moduleDir) throws IOException {
        Path file = moduleDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        List<Entry> entries = new ArrayList<>();
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.split("\\|", 3);
            if (fields.length != 3 || fields[2].isBlank()) {
                throw new IOException(FILE + ":" + number + ": want 'WHO | WHAT | WHY'");
            }
            entries.add(new Entry(fields[0].strip(), fields[1].strip(), fields[2].strip()));
        }
        return new AllowedCalls(List.copyOf(entries));
    }

    /** Whether {@code className} may use {@code target} (a call "Owner.method" or a class name). */
    public boolean allows(String className, String target) {
        return entries.stream().anyMatch(entry -> entry.allows(className, target));
    }
}
