package sockets.edition;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;


/**
 * The instructor's tool behind {@code ./course}: one command per task, each ending in one clear
 * line on error (exit 1) or with the usage text (exit 2), never a stack trace.
 */
public final class Main {

    static final String USAGE = """
            usage: sockets.edition.Main COMMAND ARGS   (run it through ./course)
              edition COURSE OUT             write the student edition of COURSE into OUT (new or empty)
              prepare-grading COURSE SUB OUT copy submission SUB into OUT with COURSE's tests and grade machinery
              apply-variant SPEC DIR         apply a known-bad variant to the course copy in DIR;
                                             prints the module to grade and the exercises that must lose points
              copy COURSE OUT                copy COURSE into OUT (new or empty) as a submission would be: no build output
              scores GRADE_JSON              print 'id points max tests' for each exercise of a grade.json
              regions COURSE                 list the solution regions of COURSE
              mutation-report COURSE STEP... print the PIT mutation score of each STEP and its surviving mutants""";

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The exit code: 0 done, 1 a problem to fix (printed), 2 bad usage. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            return dispatch(args, out);
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

    private static int dispatch(String[] args, PrintStream out) throws IOException, EditionException, UsageException {
        String command = args.length == 0 ? "" : args[0];
        switch (command) {
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
