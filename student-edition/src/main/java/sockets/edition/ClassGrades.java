package sockets.edition;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import sockets.testing.grade.ExerciseCatalog;
import sockets.testing.grade.Grade;

/**
 * A whole class graded at once ({@code ./course grade DIR...}): every submission by a
 * {@link SubmissionGrader} of its own, several at a time (up to the cores), a line of progress as
 * each one ends, then {@code grades.csv} and {@code grades.md}: a row per submission, a column
 * per exercise, the total. A submission whose grading broke gets its row too, with the reason;
 * it never stops the others.
 */
final class ClassGrades {

    private ClassGrades() {}

    /** The submissions named by {@code args}: a folder with a pom.xml is one, any other folder holds them. */
    static List<Path> submissions(List<Path> args) throws IOException, EditionException {
        List<Path> found = new ArrayList<>();
        for (Path arg : args) {
            if (Files.isRegularFile(arg.resolve("pom.xml"))) {
                found.add(arg);
                continue;
            }
            List<Path> inside;
            try (var children = Files.list(arg)) {
                inside = children.filter(child -> Files.isRegularFile(child.resolve("pom.xml"))).sorted().toList();
            }
            if (inside.isEmpty()) {
                throw new EditionException(arg + " is neither a submission (no pom.xml) nor a folder of submissions");
            }
            found.addAll(inside);
        }
        return found;
    }

    /**
     * Grades {@code submissions} with {@code jobs} at a time, reporting progress on {@code log};
     * writes grades.csv and grades.md into {@code out}. Returns the results in the given order.
     */
    static List<SubmissionGrader.Graded> grade(SubmissionGrader grader, List<Path> submissions, int jobs,
                                               Path course, Path out, PrintStream log) throws IOException {
        long started = System.nanoTime();
        int total = submissions.size();
        AtomicInteger done = new AtomicInteger();
        List<SubmissionGrader.Graded> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(jobs, total)));
        try {
            List<Future<SubmissionGrader.Graded>> futures = new ArrayList<>();
            for (Path submission : submissions) {
                futures.add(pool.submit(() -> {
                    ByteArrayOutputStream notes = new ByteArrayOutputStream();
                    SubmissionGrader.Graded graded = grader.gradeQuietly(submission, new PrintStream(notes, true, StandardCharsets.UTF_8));
                    synchronized (log) {
                        log.printf("[%d/%d] %s%n", done.incrementAndGet(), total, progress(graded));
                    }
                    return graded;
                }));
            }
            for (Future<SubmissionGrader.Graded> future : futures) {
                results.add(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("grading failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<ExerciseCatalog.Entry> exercises = exercises(course);
        Files.createDirectories(out);
        Files.writeString(out.resolve("grades.csv"), csv(exercises, results), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("grades.md"), markdown(exercises, results), StandardCharsets.UTF_8);
        long seconds = java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        log.printf("%d submissions graded in %s (%d at a time); grades in %s and %s%n", total, duration(seconds),
                Math.min(jobs, total), out.resolve("grades.csv"), out.resolve("grades.md"));
        return results;
    }

    private static String progress(SubmissionGrader.Graded graded) {
        String time = " (" + duration(graded.seconds()) + ")";
        if (graded.grade() == null) {
            return graded.name() + ": not graded - " + graded.problem() + time;
        }
        String note = graded.problem() == null ? "" : " - " + graded.problem();
        long rejected = graded.grade().steps().stream().filter(step -> !step.rejections().isEmpty()).count();
        String rejections = rejected == 0 ? "" : ", " + rejected + (rejected == 1 ? " step" : " steps") + " rejected";
        return graded.name() + ": " + graded.grade().points() + "/" + graded.grade().max() + rejections + note + time;
    }

    static String duration(long seconds) {
        return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
    }

    /** Every exercise of the course, in order: the columns. */
    private static List<ExerciseCatalog.Entry> exercises(Path course) throws IOException {
        String pom = Files.readString(course.resolve("pom.xml"), StandardCharsets.UTF_8);
        List<ExerciseCatalog.Entry> all = new ArrayList<>();
        for (String step : GradingWorkspace.steps(pom)) {
            if (Files.isRegularFile(course.resolve(step).resolve(ExerciseCatalog.FILE))) {
                all.addAll(ExerciseCatalog.read(course.resolve(step)).exercises());
            }
        }
        return all;
    }

    /** Exercise id to points earned; empty when the submission has no grade. */
    private static Map<String, Integer> points(SubmissionGrader.Graded graded) {
        Map<String, Integer> points = new java.util.HashMap<>();
        if (graded.grade() != null) {
            for (Grade.Step step : graded.grade().steps()) {
                step.exercises().forEach(s -> points.put(s.exercise().id(), s.points()));
            }
        }
        return points;
    }

    /** What the instructor should know besides the points: rejected steps, a broken grading. */
    private static String note(SubmissionGrader.Graded graded) {
        List<String> notes = new ArrayList<>();
        if (graded.grade() != null) {
            for (Grade.Step step : graded.grade().steps()) {
                if (!step.rejections().isEmpty()) {
                    notes.add(step.module() + " rejected: " + step.rejections().getFirst());
                }
                if (!step.discarded().isEmpty()) {
                    notes.add(step.module() + ": " + Grade.DISCARDED);
                }
            }
        }
        if (graded.problem() != null) {
            notes.add((graded.grade() == null ? "not graded: " : "") + graded.problem());
        }
        return String.join("; ", notes);
    }

    static String csv(List<ExerciseCatalog.Entry> exercises, List<SubmissionGrader.Graded> results) {
        StringBuilder csv = new StringBuilder("submission");
        exercises.forEach(e -> csv.append(',').append(e.id()));
        csv.append(",total,max,note\n");
        int max = exercises.stream().mapToInt(ExerciseCatalog.Entry::points).sum();
        for (SubmissionGrader.Graded graded : results) {
            Map<String, Integer> points = points(graded);
            csv.append(quoted(graded.name()));
            exercises.forEach(e -> csv.append(',').append(graded.grade() == null ? "" : points.getOrDefault(e.id(), 0)));
            csv.append(',').append(graded.grade() == null ? "" : graded.grade().points()).append(',').append(max)
                    .append(',').append(quoted(note(graded))).append('\n');
        }
        return csv.toString();
    }

    private static String quoted(String text) {
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? "\"" + text.replace("\"", "\"\"").replace('\n', ' ') + "\"" : text;
    }

    static String markdown(List<ExerciseCatalog.Entry> exercises, List<SubmissionGrader.Graded> results) {
        StringBuilder md = new StringBuilder("# Grades\n\n| Submission |");
        exercises.forEach(e -> md.append(' ').append(e.id()).append(" |"));
        md.append(" Total | Note |\n|---|");
        exercises.forEach(e -> md.append("---:|"));
        md.append("---:|---|\n| *max* |");
        exercises.forEach(e -> md.append(' ').append(e.points()).append(" |"));
        int max = exercises.stream().mapToInt(ExerciseCatalog.Entry::points).sum();
        md.append(" ").append(max).append(" | |\n");
        for (SubmissionGrader.Graded graded : results) {
            Map<String, Integer> points = points(graded);
            md.append("| ").append(cell(graded.name())).append(" |");
            exercises.forEach(e -> md.append(' ').append(graded.grade() == null ? "-" : points.getOrDefault(e.id(), 0)).append(" |"));
            md.append(' ').append(graded.grade() == null ? "-" : graded.grade().points()).append(" | ")
                    .append(cell(note(graded))).append(" |\n");
        }
        return md.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
