package sockets.edition;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import sockets.testing.grade.AllowedCalls;

/**
 * Prepares a submission for grading in a folder of its own, shaped by the course: everything is
 * the course's - root pom (reduced to what grading builds), wrapper, {@code .mvn/}, test support,
 * the grade module, and every step's pom, tests, resources and README - except the Java sources
 * of each step's {@code src/main/java}, which are the submission's. Any other file of a step's
 * {@code src/main} that differs from the course's is named in the log as not taken (a resource
 * can steer ArchUnit, JUnit or javac), and so is a symbolic link.
 */
final class GradingWorkspace {

    /** The course's own, always: the build and the grade machinery. */
    private static final List<String> MACHINERY = List.of("pom.xml", "mvnw", "mvnw.cmd", ".mvn", "test-support", "grade");

    private GradingWorkspace() {}

    static void prepare(Path course, Path submission, Path out, PrintStream log) throws IOException, EditionException {
        if (!Files.isRegularFile(submission.resolve("pom.xml"))) {
            throw new EditionException(submission + " has no pom.xml: not a copy of the course");
        }
        CourseTree.requireEmpty(out);
        String pom = Files.readString(course.resolve("pom.xml"), StandardCharsets.UTF_8);
        for (String name : MACHINERY) {
            copyTree(course, out, Path.of(name));
        }
        Files.writeString(out.resolve("pom.xml"), RootPom.forGrading(pom), StandardCharsets.UTF_8);
        List<String> notTaken = new ArrayList<>();
        for (String module : steps(pom)) {
            Path step = Path.of(module);
            copyTree(course, out, step);
            Path sources = step.resolve("src/main/java");
            CourseTree.delete(out.resolve(sources));
            Files.createDirectories(out.resolve(sources));
            if (Files.isDirectory(submission.resolve(step).resolve("src/main"))) {
                notTaken.addAll(takeSources(course, submission, out, step));
            }
            for (String file : givenCodeWithAllowances(course, out, step)) {
                log.println("taken from the course (given code that allowed-calls.txt lets do what student code may not): " + file);
            }
        }
        for (String file : notTaken) {
            log.println("not taken from the submission (only Java sources of src/main/java count): " + file);
        }
    }

    /** The graded steps of the course's root pom, in build order. */
    static List<String> steps(String rootPom) {
        return RootPom.modules(rootPom).stream().filter(module -> module.startsWith("step")).toList();
    }

    /**
     * Copies the submission's {@code .java} files of {@code step/src/main/java} into {@code out};
     * returns every other file of its {@code src/main} that the course does not have as it is.
     */
    private static List<String> takeSources(Path course, Path submission, Path out, Path step) throws IOException {
        List<String> notTaken = new ArrayList<>();
        Path main = step.resolve("src/main");
        Path root = submission.resolve(main);
        for (Path relative : CourseTree.files(root, out)) {
            Path file = main.resolve(relative);
            Path from = submission.resolve(file);
            boolean source = relative.startsWith("java") && relative.toString().endsWith(".java");
            if (Files.isSymbolicLink(from)) {
                notTaken.add(file + " (a symbolic link)");
            } else if (source) {
                CourseTree.copy(submission, out, file);
            } else if (!sameAsCourse(course.resolve(file), from)) {
                notTaken.add(file.toString());
            }
        }
        return notTaken;
    }

    /**
     * The classes a step's allowed-calls.txt names (not packages) whose source holds no solution
     * region are given code the student has no reason to touch: the course's copy replaces the
     * submission's, so what the list allows them (a process, a file) stays the course's doing.
     * Returns the files whose copy differed. A class with a region is the student's to write:
     * what the list allows it must be harmless (a shutdown hook), and it is checked like the rest.
     */
    private static List<String> givenCodeWithAllowances(Path course, Path out, Path step) throws IOException {
        List<String> replaced = new ArrayList<>();
        for (AllowedCalls.Entry entry : AllowedCalls.of(course.resolve(step)).entries()) {
            if (entry.who().endsWith("..")) {
                continue;
            }
            String topLevel = entry.who().contains("$") ? entry.who().substring(0, entry.who().indexOf('$')) : entry.who();
            Path file = step.resolve("src/main/java").resolve(topLevel.replace('.', '/') + ".java");
            Path official = course.resolve(file);
            if (Files.isRegularFile(official) && !Files.readString(official, StandardCharsets.UTF_8).contains("tag::solution-")) {
                if (!sameAsCourse(official, out.resolve(file)) && !replaced.contains(file.toString())) {
                    replaced.add(file.toString());
                }
                CourseTree.copy(course, out, file);
            }
        }
        return replaced;
    }

    private static boolean sameAsCourse(Path official, Path theirs) throws IOException {
        if (!Files.isRegularFile(theirs)) {
            return false;
        }
        return Files.isRegularFile(official) && Arrays.equals(Files.readAllBytes(official), Files.readAllBytes(theirs));
    }

    /** Copies {@code relative} (a file or a folder, without build output) from the course into {@code out}. */
    private static void copyTree(Path course, Path out, Path relative) throws IOException {
        Path official = course.resolve(relative);
        if (Files.isDirectory(official)) {
            for (Path file : CourseTree.files(official, out)) {
                CourseTree.copy(official, out.resolve(relative), file);
            }
        } else if (Files.isRegularFile(official)) {
            CourseTree.copy(course, out, relative);
        }
    }
}
