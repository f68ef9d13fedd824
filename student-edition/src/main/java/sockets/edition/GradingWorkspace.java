package sockets.edition;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Prepares a submission for grading in a folder of its own: the student's main code, and
 * everything that decides the grade taken from the official course - every step's tests,
 * exercises file and pom, test support, the grade module, the root pom, the Maven wrapper.
 * Also removes what could hook into the test run from the student's side (JUnit configuration
 * or services in main resources, classes in the grader's package).
 */
final class GradingWorkspace {

    /** Replaced wholesale by the course's own. */
    private static final List<String> MACHINERY = List.of("test-support", "grade", ".mvn", "mvnw", "mvnw.cmd");

    private GradingWorkspace() {}

    static void prepare(Path course, Path submission, Path out, PrintStream log) throws IOException, EditionException {
        if (!Files.isRegularFile(submission.resolve("pom.xml"))) {
            throw new EditionException(submission + " has no pom.xml: not a copy of the course");
        }
        CourseTree.requireEmpty(out);
        CourseTree.copyAll(submission, out);
        for (String name : MACHINERY) {
            replace(course, out, Path.of(name));
        }
        String pom = Files.readString(course.resolve("pom.xml"), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("pom.xml"), RootPom.forGrading(pom), StandardCharsets.UTF_8);
        List<String> removed = new ArrayList<>();
        for (String module : RootPom.modules(pom)) {
            if (module.startsWith("step")) {
                officialTestsFor(course, out, Path.of(module));
                removed.addAll(hooks(out, Path.of(module)));
            }
        }
        for (String hook : removed) {
            log.println("removed from the submission (it could change how tests run): " + hook);
        }
    }

    /** The step's official pom and tests; the submission's own tests are dropped, not merged. */
    private static void officialTestsFor(Path course, Path out, Path step) throws IOException {
        Files.createDirectories(out.resolve(step));
        CourseTree.copy(course, out, step.resolve("pom.xml"));
        replace(course, out, step.resolve("src/test"));
    }

    /** Deletes {@code relative} in {@code out} and copies the course's one (if it has one) there. */
    private static void replace(Path course, Path out, Path relative) throws IOException {
        CourseTree.delete(out.resolve(relative));
        Path official = course.resolve(relative);
        if (Files.isDirectory(official)) {
            for (Path file : CourseTree.files(official, out)) {
                CourseTree.copy(official, out.resolve(relative), file);
            }
        } else if (Files.isRegularFile(official)) {
            CourseTree.copy(course, out, relative);
        }
    }

    /** Main-side files that could reach into the test run; deleted, and named for the log. */
    private static List<String> hooks(Path out, Path step) throws IOException {
        List<Path> found = new ArrayList<>();
        Path main = out.resolve(step).resolve("src/main");
        Path graderPackage = main.resolve("java/sockets/testing");
        if (Files.exists(graderPackage)) {
            found.add(graderPackage);
        }
        Path resources = main.resolve("resources");
        if (Files.isDirectory(resources)) {
            try (Stream<Path> all = Files.walk(resources)) {
                all.filter(GradingWorkspace::isTestHook).forEach(found::add);
            }
        }
        List<String> names = new ArrayList<>();
        for (Path hook : found) {
            names.add(out.relativize(hook).toString());
            CourseTree.delete(hook);
        }
        return names;
    }

    private static boolean isTestHook(Path file) {
        String name = file.getFileName().toString();
        boolean service = file.getParent() != null && file.getParent().endsWith(Path.of("META-INF", "services"));
        return name.equals("junit-platform.properties") || (service && name.startsWith("org.junit"));
    }
}
