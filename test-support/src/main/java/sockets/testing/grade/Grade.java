package sockets.testing.grade;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The points of every exercise of the graded steps, computed from the recorded test results. */
public record Grade(List<Step> steps) {

    /**
     * An exercise earns its points only when every one of its tests passed. DISCARDED: the step's
     * results disagreed with Surefire's reports, so none of them counts.
     */
    public enum Status { PASSED, FAILED, NOT_RUN, DISCARDED }

    /** The line the grade shows for a step whose results were thrown away; then the reason. */
    public static final String DISCARDED = "results.tsv disagrees with Surefire's reports - results discarded";

    /** {@code failure} is the first failing test's message and {@code failedTest} its name. */
    public record Scored(ExerciseCatalog.Entry exercise, Status status, int tests, int failed,
                         String failure, String failedTest) {
        public int points() {
            return status == Status.PASSED ? exercise.points() : 0;
        }
    }

    /** {@code discarded} says why the step's results were not trusted; empty when they were. */
    public record Step(String module, List<Scored> exercises, List<TestResult> strays, List<TestResult> all,
                       String discarded) {
        public int points() {
            return exercises.stream().mapToInt(Scored::points).sum();
        }

        public int max() {
            return exercises.stream().mapToInt(s -> s.exercise().points()).sum();
        }
    }

    static Step ofStep(Path moduleDir) throws IOException {
        ExerciseCatalog catalog = ExerciseCatalog.read(moduleDir);
        Path file = moduleDir.resolve(GradeListener.RESULTS);
        List<TestResult> results = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    results.add(TestResult.fromLine(line));
                }
            }
        }
        Optional<String> distrust = SurefireReports.disagreement(moduleDir, results);
        if (distrust.isPresent()) {
            List<Scored> none = catalog.exercises().stream()
                    .map(exercise -> new Scored(exercise, Status.DISCARDED, 0, 0, "", "")).toList();
            return new Step(catalog.module(), none, List.of(), List.of(), distrust.get());
        }
        List<Scored> scored = new ArrayList<>();
        List<TestResult> strays = new ArrayList<>(results);
        for (ExerciseCatalog.Entry exercise : catalog.exercises()) {
            List<TestResult> mine = results.stream().filter(r -> r.exercise().equals(exercise.id())).toList();
            strays.removeAll(mine);
            List<TestResult> bad = mine.stream().filter(r -> r.status() != TestResult.Status.PASSED).toList();
            Status status = mine.isEmpty() ? Status.NOT_RUN : bad.isEmpty() ? Status.PASSED : Status.FAILED;
            String failure = bad.isEmpty() ? "" : bad.getFirst().message();
            String failedTest = bad.isEmpty() ? "" : bad.getFirst().test();
            scored.add(new Scored(exercise, status, mine.size(), bad.size(), failure, failedTest));
        }
        return new Step(catalog.module(), List.copyOf(scored), List.copyOf(strays), List.copyOf(results), "");
    }

    public int points() {
        return steps.stream().mapToInt(Step::points).sum();
    }

    public int max() {
        return steps.stream().mapToInt(Step::max).sum();
    }

    /** How many tests of all steps ended with {@code status}. */
    public int tests(TestResult.Status status) {
        return (int) steps.stream().flatMap(s -> s.all().stream()).filter(r -> r.status() == status).count();
    }

    /** What makes the build fail: failed tests, and tests that name no listed exercise. */
    public List<String> problems() {
        int failedTests = 0;
        List<String> problems = new ArrayList<>();
        for (Step step : steps) {
            if (!step.discarded().isEmpty()) {
                problems.add(step.module() + ": " + DISCARDED);
            }
            for (Scored scored : step.exercises()) {
                failedTests += scored.failed();
            }
            for (TestResult stray : step.strays()) {
                if (stray.status() != TestResult.Status.PASSED) {
                    failedTests++;
                }
                if (!stray.exercise().equals(TestResult.UNGRADED)) {
                    problems.add(step.module() + ": test '" + stray.test() + "' names exercise "
                            + stray.exercise() + ", which exercises.txt does not list");
                }
            }
        }
        if (failedTests > 0) {
            problems.addFirst(failedTests + (failedTests == 1 ? " test failed" : " tests failed"));
        }
        return problems;
    }
}
