package sockets.testing.grade;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The exercises of one step, read from its {@code src/test/resources/exercises.txt}: one line
 * per exercise, {@code id | points | title | hint}; blank lines and {@code #} comments ignored.
 * A line {@code step: bonus} makes the step a bonus step: its points are shown apart, never count
 * in the course's total, and points missing there fail the build only when it is graded alone.
 */
public record ExerciseCatalog(String module, List<Entry> exercises, boolean bonus) {

    /** One exercise: its id ("2.3"), the points it is worth, a title and a one-line hint. */
    public record Entry(String id, int points, String title, String hint) {}

    public static final String FILE = "src/test/resources/exercises.txt";
    /** The header line of a bonus step. */
    public static final String BONUS = "step: bonus";

    public static ExerciseCatalog read(Path moduleDir) throws IOException {
        List<Entry> entries = new ArrayList<>();
        boolean bonus = false;
        int lineNumber = 0;
        for (String line : Files.readAllLines(moduleDir.resolve(FILE), StandardCharsets.UTF_8)) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.equals(BONUS) && entries.isEmpty()) {
                bonus = true;
                continue;
            }
            String[] fields = trimmed.split("\\|", 4);
            if (fields.length != 4) {
                throw new IOException(FILE + ":" + lineNumber + ": want 'id | points | title | hint'"
                        + " (or '" + BONUS + "' before the first exercise)");
            }
            entries.add(new Entry(fields[0].strip(), Integer.parseInt(fields[1].strip()),
                    fields[2].strip(), fields[3].strip()));
        }
        return new ExerciseCatalog(moduleDir.getFileName().toString(), List.copyOf(entries), bonus);
    }
}
