package sockets.testing.grade;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns the test results of the graded steps into points, prints the grade table and writes
 * {@code grade.md} and {@code grade.json}; then fails if any test failed. Runs last in the
 * build ({@code --root DIR}: every step under DIR) or at the end of one step built alone
 * ({@code --step DIR --reactor PROJECTS}: skipped when the {@code grade} module will run).
 */
public final class GradeReport {

    private GradeReport() {}

    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("--root")) {
            Path root = Path.of(args[1]).toAbsolutePath().normalize();
            report(graded(root), root.resolve("target/grade"));
        } else if (args.length == 4 && args[0].equals("--step") && args[2].equals("--reactor")) {
            // Maven passes the projects of this build: when the grade module is one, it reports.
            if (args[3].contains("sockets:grade:")) {
                return;
            }
            Path step = Path.of(args[1]).toAbsolutePath().normalize();
            report(List.of(Grade.ofStep(step)), step.resolve("target/grade"));
        } else {
            throw new IllegalArgumentException("usage: GradeReport --root DIR | --step DIR --reactor PROJECTS");
        }
    }

    /** Every graded step under {@code root}: the folders with an exercises file, in step order. */
    static List<Grade.Step> graded(Path root) throws IOException {
        List<Grade.Step> steps = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            for (Path dir : children.sorted(Comparator.comparing(Path::toString)).toList()) {
                if (Files.isRegularFile(dir.resolve(ExerciseCatalog.FILE))) {
                    steps.add(Grade.ofStep(dir));
                }
            }
        }
        return steps;
    }

    static void report(List<Grade.Step> steps, Path outDir) throws IOException {
        Grade grade = new Grade(steps);
        System.out.print(GradeTable.text(grade));
        System.out.flush();
        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve("grade.md"), GradeTable.markdown(grade), StandardCharsets.UTF_8);
        Files.writeString(outDir.resolve("grade.json"), GradeTable.json(grade), StandardCharsets.UTF_8);
        List<String> problems = grade.problems();
        if (!problems.isEmpty()) {
            throw new GradeFailure(String.join("; ", problems) + " - see the grade table above");
        }
    }

    /** Fails the build after the table is printed; its message is the one line Maven shows. */
    public static final class GradeFailure extends RuntimeException {
        GradeFailure(String message) {
            super(message, null, false, false);
        }
    }
}
