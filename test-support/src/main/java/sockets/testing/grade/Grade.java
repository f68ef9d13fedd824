package sockets.testing.grade;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The points of every exercise of the graded steps, computed from the recorded test results. */
public record Grade(List<Step> steps) {

    /**
     * An exercise earns its points only when every one of its tests ran and passed. DISCARDED:
     * the step's results disagreed with Surefire's reports, so none of them counts. REJECTED: the
     * step's code breaks a rule of the course ({@link CodeScan}), so its tests do not count.
     */
    public enum Status { PASSED, FAILED, NOT_RUN, DISCARDED, REJECTED }

    /** A step's second hint for each exercise, one section per exercise ("## 2.3 The accept loop"). */
    public static final String HINTS = "HINTS.md";

    /** The line the grade shows for a step whose results were thrown away; then the reason. */
    public static final String DISCARDED = "results.tsv disagrees with Surefire's reports - results discarded";

    /** The line the grade shows for a step whose code breaks a rule; then each rule broken. */
    public static final String REJECTED = "the step's code breaks a rule of the course - it scores 0";

    /** The message of a test the course has that left no result. */
    public static final String DID_NOT_RUN = "did not run: the course has this test, but the run recorded no result for it";

    /** {@code failures}: every test of the exercise that did not pass, in the order they ran. */
    public record Scored(ExerciseCatalog.Entry exercise, Status status, int tests, List<TestResult> failures) {
        public int points() {
            return status == Status.PASSED ? exercise.points() : 0;
        }

        public int failed() {
            return failures.size();
        }

        /** The first failing test's message; empty when none failed. */
        public String failure() {
            return failures.isEmpty() ? "" : failures.getFirst().message();
        }

        /** The first failing test's name; empty when none failed. */
        public String failedTest() {
            return failures.isEmpty() ? "" : failures.getFirst().test();
        }

        /**
         * True when every failing test stopped at a student-edition stub, of this exercise or of
         * those it builds on: nothing of it was tried yet, nothing of it is wrong.
         */
        public boolean stoppedAtStubs() {
            return !failures.isEmpty() && failures.stream().allMatch(f -> Stubs.exerciseOf(f.message()).isPresent());
        }

        /**
         * When every failing test stopped at a student-edition stub of one exercise: its id (this
         * exercise's own when it is not started yet, an earlier one's it builds on); else empty.
         */
        public Optional<String> stoppedAtStubOf() {
            List<String> stubs = failures.stream().map(f -> Stubs.exerciseOf(f.message()).orElse("")).distinct().toList();
            return stubs.size() == 1 && !stubs.getFirst().isEmpty() ? Optional.of(stubs.getFirst()) : Optional.empty();
        }
    }

    /**
     * {@code discarded} says why the step's results were not trusted (empty when they were);
     * {@code rejections} the rules its code breaks (empty when none);
     * {@code hints} is the step's second-level hints file ("step2-connect/HINTS.md"), empty if none.
     */
    public record Step(String module, List<Scored> exercises, List<TestResult> strays, List<TestResult> all,
                       String discarded, List<String> rejections, String hints, boolean bonus) {
        public int points() {
            return exercises.stream().mapToInt(Scored::points).sum();
        }

        public int max() {
            return exercises.stream().mapToInt(s -> s.exercise().points()).sum();
        }

        /** The tests of no exercise that failed (skipped ones aside). */
        public List<TestResult> ungradedFailed() {
            return strays.stream()
                    .filter(r -> r.exercise().equals(TestResult.UNGRADED) && r.status() == TestResult.Status.FAILED)
                    .toList();
        }
    }

    /**
     * The exercises that did not earn their points and fail the build: those of the course's
     * steps, and a bonus step's when only bonus steps are graded (the student asked for them).
     */
    public List<Scored> missing() {
        boolean bonusAlone = steps.stream().allMatch(Step::bonus);
        return steps.stream().filter(s -> !s.bonus() || bonusAlone).flatMap(s -> s.exercises().stream())
                .filter(s -> s.status() != Status.PASSED).toList();
    }

    /** The bonus exercises not done yet, when they do not fail the build (see {@link #missing()}). */
    public List<Scored> bonusToGo() {
        if (steps.stream().allMatch(Step::bonus)) {
            return List.of();
        }
        return steps.stream().filter(Step::bonus).flatMap(s -> s.exercises().stream())
                .filter(s -> s.status() != Status.PASSED).toList();
    }

    /** The grade of the step in {@code moduleDir}, its code inspected now (a student's own build). */
    static Step ofStep(Path moduleDir) throws IOException {
        return ofStep(moduleDir, Inspection.of(moduleDir));
    }

    /**
     * The grade of the step in {@code moduleDir} from its recorded results, judged with what
     * {@code inspection} found in its code (for {@code ./course grade}: before its tests ran).
     */
    public static Step ofStep(Path moduleDir, Inspection inspection) throws IOException {
        ExerciseCatalog catalog = ExerciseCatalog.read(moduleDir);
        if (inspection.rejected()) {
            List<Scored> none = catalog.exercises().stream()
                    .map(exercise -> new Scored(exercise, Status.REJECTED, 0, List.of())).toList();
            return new Step(catalog.module(), none, List.of(), List.of(), "", inspection.rejections(), hints(moduleDir),
                    catalog.bonus());
        }
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
                    .map(exercise -> new Scored(exercise, Status.DISCARDED, 0, List.of())).toList();
            return new Step(catalog.module(), none, List.of(), List.of(), distrust.get(), List.of(), hints(moduleDir),
                    catalog.bonus());
        }
        List<Scored> scored = new ArrayList<>();
        List<TestResult> strays = new ArrayList<>(results);
        for (ExerciseCatalog.Entry exercise : catalog.exercises()) {
            List<TestResult> mine = results.stream().filter(r -> r.exercise().equals(exercise.id())).toList();
            strays.removeAll(mine);
            List<TestResult> bad = new ArrayList<>(mine.stream().filter(r -> r.status() != TestResult.Status.PASSED).toList());
            bad.addAll(vanished(exercise.id(), mine, inspection.expectedTests().getOrDefault(exercise.id(), Set.of())));
            Status status = mine.isEmpty() ? Status.NOT_RUN : bad.isEmpty() ? Status.PASSED : Status.FAILED;
            scored.add(new Scored(exercise, status, mine.size(), List.copyOf(bad)));
        }
        return new Step(catalog.module(), List.copyOf(scored), List.copyOf(strays), List.copyOf(results), "",
                List.of(), hints(moduleDir), catalog.bonus());
    }

    /** A failed result for each test of {@code expected} (class#member) that left none among {@code recorded}. */
    private static List<TestResult> vanished(String exercise, List<TestResult> recorded, Set<String> expected) {
        Set<String> seen = new HashSet<>();
        recorded.forEach(r -> seen.add(r.source()));
        List<TestResult> missing = new ArrayList<>();
        for (String source : expected) {
            if (!seen.contains(source)) {
                String name = source.substring(source.lastIndexOf('.') + 1).replace('$', '.').replace('#', '.');
                missing.add(new TestResult(exercise, TestResult.Status.FAILED, name, DID_NOT_RUN,
                        source.substring(0, source.indexOf('#')), "", source));
            }
        }
        return missing;
    }

    /** The step's HINTS.md, named from the course root; empty when the step has none. */
    private static String hints(Path moduleDir) {
        return Files.isRegularFile(moduleDir.resolve(HINTS)) ? moduleDir.getFileName() + "/" + HINTS : "";
    }

    /** The course's points: bonus steps aside. */
    public int points() {
        return steps.stream().filter(s -> !s.bonus()).mapToInt(Step::points).sum();
    }

    /** The course's total: bonus steps aside, so a bonus never changes it. */
    public int max() {
        return steps.stream().filter(s -> !s.bonus()).mapToInt(Step::max).sum();
    }

    /** The bonus points earned, and those there are (0 when no bonus step is graded). */
    public int bonusPoints() {
        return steps.stream().filter(Step::bonus).mapToInt(Step::points).sum();
    }

    public int bonusMax() {
        return steps.stream().filter(Step::bonus).mapToInt(Step::max).sum();
    }

    /** How many tests of all steps ended with {@code status}. */
    public int tests(TestResult.Status status) {
        return (int) steps.stream().flatMap(s -> s.all().stream()).filter(r -> r.status() == status).count();
    }

    /**
     * The tests of no exercise that failed on their own: they earn nothing, but the build must be
     * green. A skipped one does not count, nor one that stopped at a stub (its exercise is missing).
     */
    public List<TestResult> ungradedFailures() {
        return steps.stream().flatMap(s -> s.ungradedFailed().stream())
                .filter(r -> Stubs.exerciseOf(r.message()).isEmpty())
                .toList();
    }

    /** A line about the bonus exercises still to do, when they do not fail the build; else empty. */
    public Optional<String> bonusNote() {
        int toGo = bonusToGo().size();
        return toGo == 0 ? Optional.empty() : Optional.of("bonus: " + toGo + (toGo == 1 ? " exercise" : " exercises")
                + " not done yet - optional: bonus points never fail the build");
    }

    /**
     * What makes the build fail, in the course's words, one line: exercises not done, results
     * discarded, ungraded tests that failed, tests naming an exercise nobody listed. Empty when
     * the grade is full and every test passed.
     */
    public Optional<String> verdict() {
        List<String> parts = new ArrayList<>();
        int missing = missing().size();
        if (missing > 0) {
            parts.add(missing + (missing == 1 ? " exercise" : " exercises") + " not done yet - the table above says which");
        }
        for (Step step : steps) {
            if (!step.discarded().isEmpty()) {
                parts.add(step.module() + ": " + DISCARDED);
            }
            if (!step.rejections().isEmpty()) {
                parts.add(step.module() + ": " + REJECTED);
            }
            for (TestResult stray : step.strays()) {
                if (!stray.exercise().equals(TestResult.UNGRADED)) {
                    parts.add(step.module() + ": test '" + stray.test() + "' names exercise "
                            + stray.exercise() + ", which exercises.txt does not list");
                }
            }
        }
        int ungraded = ungradedFailures().size();
        if (ungraded > 0) {
            parts.add((missing == 0 && parts.isEmpty() ? "every exercise is done, but " : "")
                    + ungraded + (ungraded == 1 ? " test of no exercise fails" : " tests of no exercise fail")
                    + " (listed under 'not graded' above)");
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
    }
}
