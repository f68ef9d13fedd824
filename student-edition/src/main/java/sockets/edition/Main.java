package sockets.edition;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import sockets.testing.grade.Grade;
import sockets.testing.grade.Inspection;


/**
 * The instructor's tool behind {@code ./course}: one command per task, each ending in one clear
 * line on error (exit 1) or with the usage text (exit 2), never a stack trace.
 */
public final class Main {

    static final String USAGE = """
            usage: sockets.edition.Main COMMAND ARGS   (run it through ./course)
              edition COURSE OUT             write the student edition of COURSE into OUT (new or empty)
              grade COURSE [--out DIR] [--jobs N] SUB...
                                             grade submissions with COURSE's tests, in a sandbox: one prints its table;
                                             several (or a folder of them) also give grades.csv and grades.md in DIR
              prepare-grading COURSE SUB OUT shape a grading folder OUT: COURSE with the Java sources of submission SUB
              apply-variant SPEC DIR         apply a known-bad variant to the course copy in DIR;
                                             prints the module to grade and the exercises that must lose points
              variant-coverage COURSE        list each exercise's known-bad variants (variants/*.variant);
                                             exit 1 when an exercise has none
              copy COURSE OUT                copy COURSE into OUT (new or empty) as a submission would be: no build output
              scores GRADE_JSON              print 'id points max tests' for each exercise of a grade.json
              step-scores STEP_DIR           grade one step's recorded results (the grading folder of a step):
                                             print 'id points max tests vanished failed' for each of its exercises
                                             (tests: results recorded; vanished: the course's tests without one;
                                             failed: the other tests that did not pass)
              regions COURSE                 list the solution regions of COURSE
              mutation-report COURSE STEP... print the PIT mutation score of each STEP and its surviving mutants""";

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The exit code: 0 done, 1 a problem to fix (printed), 2 bad usage. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            return dispatch(args, out, err);
        } catch (EditionException e) {
            e.getMessage().lines().forEach(line -> err.println("error: " + line));
            return 1;
        } catch (IOException e) {
            err.println("error: " + e);
            return 1;
        } catch (UsageException e) {
            err.println(USAGE);
            return 2;
        }
    }

    private static int dispatch(String[] args, PrintStream out, PrintStream err) throws IOException, EditionException, UsageException {
        String command = args.length == 0 ? "" : args[0];
        switch (command) {
            case "grade" -> {
                return grade(List.of(args).subList(1, args.length), out, err);
            }
            case "edition" -> {
                need(args, 3);
                StudentEdition.write(folder(args[1]), Path.of(args[2]).toAbsolutePath().normalize(), out);
            }
            case "prepare-grading" -> {
                need(args, 4);
                GradingWorkspace.prepare(folder(args[1]), folder(args[2]), Path.of(args[3]).toAbsolutePath().normalize(), out);
            }
            case "apply-variant" -> {
                need(args, 3);
                Variant.Applied applied = Variant.read(Path.of(args[1])).applyTo(folder(args[2]));
                out.println(applied.module() + " " + String.join(" ", applied.exercises()));
            }
            case "variant-coverage" -> {
                need(args, 2);
                return VariantCoverage.print(folder(args[1]), out);
            }
            case "copy" -> {
                need(args, 3);
                Path copy = Path.of(args[2]).toAbsolutePath().normalize();
                CourseTree.requireEmpty(copy);
                CourseTree.copyAll(folder(args[1]), copy);
            }
            case "scores" -> {
                need(args, 2);
                for (GradeScores.Score score : GradeScores.read(Path.of(args[1]))) {
                    out.println(score.id() + " " + score.points() + " " + score.max() + " " + score.tests());
                }
            }
            case "step-scores" -> {
                need(args, 2);
                Path step = folder(args[1]);
                for (Grade.Scored s : Grade.ofStep(step, Inspection.of(step)).exercises()) {
                    long vanished = s.failures().stream().filter(f -> f.message().equals(Grade.DID_NOT_RUN)).count();
                    out.println(s.exercise().id() + " " + s.points() + " " + s.exercise().points() + " " + s.tests()
                            + " " + vanished + " " + (s.failed() - vanished));
                }
            }
            case "regions" -> {
                need(args, 2);
                Path course = folder(args[1]);
                Solutions solutions = Solutions.scan(course, CourseTree.files(course, course.resolve("target")));
                for (Solutions.InFile file : solutions.files().values()) {
                    for (SolutionRegion region : file.regions()) {
                        out.println(region.id() + " " + region.file() + ":" + region.tagLine() + "-" + region.endLine());
                    }
                }
            }
            case "mutation-report" -> {
                if (args.length < 3) {
                    throw new UsageException();
                }
                MutationReport.print(folder(args[1]), List.of(args).subList(2, args.length), out);
            }
            default -> throw new UsageException();
        }
        return 0;
    }

    /** {@code grade COURSE [--out DIR] [--jobs N] SUB...}: 0 graded, 3 when grading broke for a submission. */
    private static int grade(List<String> args, PrintStream out, PrintStream err) throws IOException, EditionException, UsageException {
        if (args.isEmpty()) {
            throw new UsageException();
        }
        Path course = folder(args.getFirst());
        Path into = null;
        int jobs = Runtime.getRuntime().availableProcessors();
        List<Path> named = new java.util.ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--out" -> into = Path.of(value(args, ++i)).toAbsolutePath().normalize();
                case "--jobs" -> jobs = number(value(args, ++i));
                default -> named.add(folder(args.get(i)));
            }
        }
        if (named.isEmpty()) {
            throw new UsageException();
        }
        Sandbox sandbox = Sandbox.detect(System.getenv());
        if (sandbox.note() != null) {
            err.println(sandbox.note());
        }
        SubmissionGrader grader = new SubmissionGrader(course, sandbox, System.getenv());
        List<Path> submissions = ClassGrades.submissions(named);
        if (named.size() == 1 && submissions.equals(named)) {
            err.println("grading " + named.getFirst() + " with the official tests...");
            SubmissionGrader.Graded graded = grader.grade(named.getFirst(), out, err);
            if (graded.grade() == null) {
                err.println("error: grading broke: " + graded.problem());
                return 3;
            }
            err.println("grade written to " + named.getFirst().resolve("target/grade/grade.json") + " (and grade.md, build.log)"
                    + " in " + ClassGrades.duration(graded.seconds()));
            if (graded.problem() != null) {
                err.println("error: " + graded.problem());
                return 3;
            }
            return 0;
        }
        if (into == null) {
            into = named.size() == 1 ? named.getFirst() : Path.of("").toAbsolutePath();
        }
        err.println("grading " + submissions.size() + " submissions with the official tests, up to " + jobs + " at a time...");
        List<SubmissionGrader.Graded> results = ClassGrades.grade(grader, submissions, jobs, course, into, err);
        return results.stream().anyMatch(SubmissionGrader.Graded::broke) ? 3 : 0;
    }

    private static String value(List<String> args, int index) throws UsageException {
        if (index >= args.size()) {
            throw new UsageException();
        }
        return args.get(index);
    }

    private static int number(String text) throws UsageException {
        try {
            int n = Integer.parseInt(text);
            if (n < 1) {
                throw new UsageException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException();
        }
    }

    private static void need(String[] args, int count) throws UsageException {
        if (args.length != count) {
            throw new UsageException();
        }
    }

    private static Path folder(String name) throws EditionException {
        Path path = Path.of(name).toAbsolutePath().normalize();
        if (!Files.isDirectory(path)) {
            throw new EditionException("no such folder: " + name);
        }
        return path;
    }

    /** Wrong command or argument count: the usage text says what is right. */
    private static final class UsageException extends Exception {
        UsageException() {
            super(null, null, false, false);
        }
    }

}
