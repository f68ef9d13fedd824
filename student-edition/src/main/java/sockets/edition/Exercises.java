package sockets.edition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The exercises of one step module, from its {@code src/test/resources/exercises.txt}: one line
 * per exercise, {@code id | points | title | hint}, blank lines and {@code #} comments ignored, and
 * {@code step: bonus} before the first exercise for a bonus step - the format test-support's
 * {@code ExerciseCatalog} grades with. Read here again because this
 * tool runs with no dependencies.
 */
record Exercises(String module, Map<String, Exercise> byId, boolean bonus) {

    /** One exercise as the student sees it in the grade table. */
    record Exercise(String id, int points, String title, String hint) {}

    static final String FILE = "src/test/resources/exercises.txt";

    /** Whether {@code moduleDir} is a graded step. */
    static boolean isGraded(Path moduleDir) {
        return Files.isRegularFile(moduleDir.resolve(FILE));
    }

    /** The module's exercises; none when it has no exercises file (it is not graded). */
    static Exercises read(Path moduleDir) throws IOException, EditionException {
        String module = moduleDir.getFileName().toString();
        Map<String, Exercise> byId = new LinkedHashMap<>();
        if (!isGraded(moduleDir)) {
            return new Exercises(module, byId, false);
        }
        boolean bonus = false;
        int lineNumber = 0;
        for (String line : Files.readAllLines(moduleDir.resolve(FILE), StandardCharsets.UTF_8)) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.equals("step: bonus") && byId.isEmpty()) {
                bonus = true;
                continue;
            }
            String[] fields = trimmed.split("\\|", 4);
            if (fields.length != 4 || !fields[1].strip().matches("\\d+")) {
                throw new EditionException(module + "/" + FILE + ":" + lineNumber
                        + ": want 'id | points | title | hint', found '" + trimmed + "'");
            }
            Exercise exercise = new Exercise(fields[0].strip(), Integer.parseInt(fields[1].strip()),
                    fields[2].strip(), fields[3].strip());
            byId.put(exercise.id(), exercise);
        }
        return new Exercises(module, byId, bonus);
    }

    Optional<Exercise> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
