package sockets.edition;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes the student edition of a course: a complete Maven project with every module and test,
 * each solution region replaced by its stub, solution excerpts taken out of Markdown lessons,
 * files marked {@code student-edition: omit} left out, a student README, coverage off and a
 * version of its own in every pom. Checks the result for leaks before it reports success; a
 * leaking edition is deleted.
 */
final class StudentEdition {

    /** A file whose first lines carry this marker (in any comment style) stays out of the edition. */
    static final Pattern OMIT_MARKER = Pattern.compile("^\\s*(//|#|<!--|\\*)\\s*student-edition:\\s*omit\\b");
    private static final int MARKER_LINES = 5;

    private StudentEdition() {}

    static void write(Path course, Path out, PrintStream log) throws IOException, EditionException {
        List<Path> files = CourseTree.files(course, out);
        Solutions solutions = Solutions.scan(course, files);
        Map<String, LeakCheck.Secret> secrets = LeakCheck.secretLines(course, files, solutions);
        String rootPom = Files.readString(course.resolve("pom.xml"), StandardCharsets.UTF_8);
        String courseVersion = RootPom.version(rootPom);
        CourseTree.requireEmpty(out);
        List<Path> omitted = new ArrayList<>();
        List<String> sample = List.of();
        int redacted = 0;
        for (Path relative : files) {
            Path source = course.resolve(relative);
            Solutions.InFile withRegions = solutions.files().get(relative);
            if (relative.toString().equals("pom.xml")) {
                write(out.resolve(relative), RootPom.forStudents(rootPom));
            } else if (relative.getFileName().toString().equals("pom.xml")) {
                // A module's pom: its <parent> names the edition's version.
                write(out.resolve(relative), RootPom.withVersion(Files.readString(source, StandardCharsets.UTF_8),
                        courseVersion, RootPom.studentVersion(courseVersion)));
            } else if (relative.toString().equals("README.md")) {
                // Written below, from the course's README.
                continue;
            } else if (withRegions != null) {
                List<String> stubbed = Stubber.stub(withRegions.lines(), withRegions.regions(), withRegions.exercises());
                write(out.resolve(relative), String.join("\n", stubbed) + "\n");
                if (sample.isEmpty() || !sample.toString().contains("// tag::")) {
                    // The README's sample stub: the first one, or better one inside a slide's excerpt.
                    List<String> candidate = StudentReadme.sample(stubbed, withRegions.regions().getFirst().tagLine());
                    if (sample.isEmpty() || candidate.toString().contains("// tag::")) {
                        sample = candidate;
                    }
                }
            } else if (markedOmit(source)) {
                omitted.add(relative);
            } else if (relative.toString().endsWith(".md")) {
                MarkdownRedactor.Redacted lesson = MarkdownRedactor.redact(Files.readString(source, StandardCharsets.UTF_8), secrets);
                write(out.resolve(relative), lesson.text());
                redacted += lesson.blocks();
            } else {
                CourseTree.copy(course, out, relative);
            }
        }
        Path readme = course.resolve("README.md");
        String courseReadme = Files.isRegularFile(readme) ? Files.readString(readme, StandardCharsets.UTF_8) : null;
        MarkdownRedactor.Redacted readmeText = MarkdownRedactor.redact(
                StudentReadme.text(solutions.steps(), sample, courseReadme), secrets);
        write(out.resolve("README.md"), readmeText.text());
        redacted += readmeText.blocks();

        List<String> leaks = LeakCheck.find(secrets, out);
        if (!leaks.isEmpty()) {
            CourseTree.empty(out);
            leaks.add("the student edition leaks the solution, so it was deleted: fix the places above");
            throw EditionException.of(leaks);
        }
        log.printf("student edition written to %s: %d files, %d solution regions stubbed in %d files%s%s%n",
                out, files.size() - omitted.size(), solutions.regionCount(), solutions.files().size(),
                omitted.isEmpty() ? "" : ", " + omitted.size() + " solution-only files left out",
                redacted == 0 ? "" : ", " + redacted + " solution excerpts taken out of Markdown lessons");
        for (String exercise : solutions.exercisesWithoutRegion()) {
            log.println("warning: " + exercise + " has no solution region: students may earn it without writing code");
        }
    }

    private static boolean markedOmit(Path file) throws IOException {
        try (var lines = Files.newBufferedReader(file, StandardCharsets.UTF_8).lines()) {
            return lines.limit(MARKER_LINES).anyMatch(line -> OMIT_MARKER.matcher(line).find());
        } catch (java.io.UncheckedIOException e) {
            // Not text (an image, a jar): it carries no marker.
            return false;
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
