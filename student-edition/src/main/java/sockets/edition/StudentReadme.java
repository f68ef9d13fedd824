package sockets.edition;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The README.md of the student edition: what the edition is, how to work and grade yourself,
 * the table of exercises, then the course's own front page without its "For instructors" part.
 */
final class StudentReadme {

    private static final Pattern INSTRUCTORS_SECTION =
            Pattern.compile("(?ms)^## For instructors\\b.*?(?=^## |\\z)");

    private StudentReadme() {}

    /** {@code courseReadme} may be null when the course has no README yet. */
    static String text(List<Exercises> steps, String courseReadme) {
        StringBuilder md = new StringBuilder();
        md.append("""
                # TCP sockets in Java - student edition

                This is your copy of the course: the same steps, lessons, slides and tests as the full
                course, with the code you are to write taken out. Each piece you write is a method body
                that now reads

                ```java
                // TODO Exercise 2.3 (3 points): Connect with a timeout. Replace this throw with your code.
                throw new UnsupportedOperationException("Exercise 2.3: ...");
                ```

                List them all with `grep -rn "TODO Exercise" */src/main/java`.

                ## How to work
                1. Check your JDK: the course needs Java 21 or newer (`./mvnw` looks for one when your
                   default `java` is older).
                2. Walk the steps in order. In each step read its `README.md`, run its tour
                   (`./mvnw -q -pl STEP exec:java`), then replace the step's stubs with your code.
                3. Grade yourself with `./mvnw test`: it prints the grade table and writes
                   `target/grade/grade.md` and `target/grade/grade.json`. While you work on one step,
                   `./mvnw -pl STEP -am test` is quicker and writes `STEP/target/grade/`.
                   An exercise earns its points only when every one of its tests passes; the table shows
                   the hint and the first failure of each exercise that does not. A test whose server or
                   keyboard thread runs into a stub fails at once with "stopped at an unfinished
                   exercise: Exercise N.k ..." - that exercise is the one to do first.
                4. Leave the tests and `exercises.txt` as they are: your work is graded with the official
                   tests, which replace your copies, so an edited test earns nothing.
                5. Push: if your repository was made from this edition on GitHub, every push is graded by
                   `.github/workflows/grade.yml` and the table appears in the run's summary.

                ## The exercises
                """);
        md.append("\n| Step | Exercise | Points | Title | Hint |\n|---|---|---|---|---|\n");
        int total = 0;
        for (Exercises step : steps) {
            for (Exercises.Exercise e : step.byId().values()) {
                md.append("| ").append(step.module()).append(" | ").append(e.id()).append(" | ")
                        .append(e.points()).append(" | ").append(cell(e.title())).append(" | ")
                        .append(cell(e.hint())).append(" |\n");
                total += e.points();
            }
        }
        md.append("\n**Total: ").append(total).append(" points.**\n");
        if (courseReadme != null) {
            String front = INSTRUCTORS_SECTION.matcher(courseReadme).replaceAll("").strip();
            md.append("\n---\n\n*The course's front page follows.*\n\n").append(front).append('\n');
        }
        return md.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
