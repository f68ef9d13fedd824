package sockets.testing.grade;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns the test results of the graded steps into points, prints the grade table and writes
 * {@code grade.md} and {@code grade.json}. When the grade is not full (or a test failed), it
 * prints one more line in the course's words and ends the JVM with exit code 1 - Maven runs it
 * in-process, last, so the build stops there, without Maven's own stack of error lines.
 * <p>
 * Runs last in the build ({@code --root DIR [--only N]}: every step under DIR, or step N alone)
 * or at the end of one step built alone ({@code --step DIR --reactor PROJECTS}: skipped when the
 * {@code grade} module will run).
 */
public final class GradeReport {

    /** The exit code of a grade that is not full; 0 otherwise. */
    static final int NOT_FULL = 1;

    private GradeReport() {}

    public static void main(String[] args) throws IOException {
        int code = run(args, System.out);
        System.out.flush();
        if (code != 0) {
            // Maven's exec:java runs us in its own JVM: this is the build's exit code, and its last line is ours.
            System.exit(code);
        }
    }

    /** Prints the grade to {@code out}; returns the exit code. */
    static int run(String[] args, PrintStream out) throws IOException {
        if ((args.length == 2 || args.length == 4) && args[0].equals("--root")) {
            Path root = Path.of(args[1]).toAbsolutePath().normalize();
            String only = args.length == 4 && args[2].equals("--only") ? args[3] : "all";
            List<Grade.Step> steps = graded(root, only);
            if (steps.isEmpty()) {
                throw new IllegalArgumentException("no graded step " + only + " under " + root
                        + " (-Dstep=N takes a step number: 1, 2, ...)");
            }
            return report(steps, root.resolve("target/grade"), out);
        } else if (args.length == 4 && args[0].equals("--step") && args[2].equals("--reactor")) {
            // Maven passes the projects of this build: when the grade module is one, it reports.
            if (args[3].contains("sockets:grade:")) {
                return 0;
            }
            Path step = Path.of(args[1]).toAbsolutePath().normalize();
            int code = report(List.of(Grade.ofStep(step)), step.resolve("target/grade"), out);
            if (code != 0 && !lastOf(args[3], step.getFileName().toString())) {
                // Several steps in one build without the grade module (-pl a,b): ending the JVM
                // here would stop the steps after this one; fail this module the Maven way instead.
                throw new GradeFailure(step.getFileName() + ": points missing - see its grade table above");
            }
            return code;
        }
        throw new IllegalArgumentException("usage: GradeReport --root DIR [--only N|all] | --step DIR --reactor PROJECTS");
    }

    /** Whether {@code module} is the last project Maven's {@code projects} (the build's, in order) names. */
    static boolean lastOf(String projects, String module) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("sockets:([^:\\s]+):").matcher(projects);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return last == null || last.equals(module);
    }

    /** Fails the build the Maven way, for a step that is not the last of its build. */
    public static final class GradeFailure extends RuntimeException {
        GradeFailure(String message) {
            super(message, null, false, false);
        }
    }

    /** Every graded step under {@code root}: the folders with an exercises file, in step order. */
    static List<Grade.Step> graded(Path root) throws IOException {
        return graded(root, "all");
    }

    /** The graded steps under {@code root}; with {@code only} a number N, the folder stepN-... alone. */
    static List<Grade.Step> graded(Path root, String only) throws IOException {
        List<Grade.Step> steps = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            for (Path dir : children.sorted(Comparator.comparing(Path::toString)).toList()) {
                boolean wanted = only.equals("all") || dir.getFileName().toString().startsWith("step" + only + "-");
                if (wanted && Files.isRegularFile(dir.resolve(ExerciseCatalog.FILE))) {
                    steps.add(Grade.ofStep(dir));
                }
            }
        }
        return steps;
    }

    /** Prints the table of {@code steps}, writes grade.md and grade.json into {@code outDir}; returns the exit code. */
    public static int report(List<Grade.Step> steps, Path outDir, PrintStream out) throws IOException {
        Grade grade = new Grade(steps);
        out.print(GradeTable.text(grade));
        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve("grade.md"), GradeTable.markdown(grade), StandardCharsets.UTF_8);
        Files.writeString(outDir.resolve("grade.json"), GradeTable.json(grade), StandardCharsets.UTF_8);
        grade.bonusNote().ifPresent(out::println);
        Optional<String> verdict = grade.verdict();
        if (verdict.isEmpty()) {
            return 0;
        }
        out.println(verdict.get());
        return NOT_FULL;
    }
}
