package sockets.edition;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The course's root {@code pom.xml}, rewritten as text so every comment and the layout stay as
 * the authors wrote them: for the student edition (no instructor's tool, no coverage minimum,
 * a version of its own) and for grading (only the modules the grade needs).
 */
final class RootPom {

    private static final Pattern MODULE_LINE = Pattern.compile("(?m)^[ \\t]*<module>([^<]+)</module>[ \\t]*\\R");
    private static final Pattern COVERAGE = Pattern.compile("<coverage\\.minimum>[^<]*</coverage\\.minimum>");
    /** A profile for the instructor's tools only ({@code ./course mutation}): not in the edition. */
    private static final Pattern INSTRUCTORS_PROFILE =
            Pattern.compile("(?s)[ \\t]*<profile>(?:(?!</profile>).)*<id>mutation</id>.*?</profile>[ \\t]*\\R");
    /** The root pom has no parent, so its first {@code <version>} is the course's own. */
    private static final Pattern VERSION = Pattern.compile("<version>([^<]+)</version>");

    private RootPom() {}

    /** The modules the pom lists, in order. */
    static List<String> modules(String pom) {
        List<String> modules = new ArrayList<>();
        Matcher m = MODULE_LINE.matcher(pom);
        while (m.find()) {
            modules.add(m.group(1).strip());
        }
        return modules;
    }

    /** Keeps only the {@code <module>} lines whose name passes {@code keep}. */
    static String keepModules(String pom, Predicate<String> keep) {
        return MODULE_LINE.matcher(pom).replaceAll(m ->
                keep.test(m.group(1).strip()) ? Matcher.quoteReplacement(m.group()) : "");
    }

    /**
     * The edition's root pom: without the instructor's modules (the tool, the benchmarks) and
     * the mutation profile ({@code ./course mutation}), with a coverage minimum of 0 - coverage of stubs means nothing - and with the
     * edition's own version (see {@link #studentVersion}).
     */
    static String forStudents(String pom) throws EditionException {
        if (!COVERAGE.matcher(pom).find()) {
            throw new EditionException("pom.xml: no <coverage.minimum> property to set to 0 in the student edition");
        }
        String withoutTool = INSTRUCTORS_PROFILE.matcher(
                keepModules(pom, module -> !CourseTree.INSTRUCTOR_ONLY.contains(module))).replaceAll("");
        String course = version(pom);
        return withVersion(COVERAGE.matcher(withoutTool).replaceFirst("<coverage.minimum>0</coverage.minimum>"),
                course, studentVersion(course));
    }

    /** The course's version: the root pom's own {@code <version>}. */
    static String version(String rootPom) throws EditionException {
        Matcher m = VERSION.matcher(rootPom);
        if (!m.find()) {
            throw new EditionException("pom.xml: no <version> to give the student edition a version of its own");
        }
        return m.group(1).strip();
    }

    /**
     * The edition's version, {@code 1.0-SNAPSHOT} -> {@code 1.0-student-SNAPSHOT}. Every module
     * installs itself into ~/.m2 at {@code package}: with the course's own coordinates, an
     * edition built on the instructor's machine would replace the solution's artifacts there.
     */
    static String studentVersion(String courseVersion) {
        return courseVersion.endsWith("-SNAPSHOT")
                ? courseVersion.substring(0, courseVersion.length() - "-SNAPSHOT".length()) + "-student-SNAPSHOT"
                : courseVersion + "-student";
    }

    /** A pom of the edition: every {@code <version>} naming the course's version names the edition's. */
    static String withVersion(String pom, String courseVersion, String editionVersion) {
        return pom.replace("<version>" + courseVersion + "</version>", "<version>" + editionVersion + "</version>");
    }

    /**
     * The pom a submission is graded with: the official one, reduced to what the grade needs
     * (test support, the steps, the grade module), so nothing else of the submission is built.
     */
    static String forGrading(String pom) {
        return keepModules(pom, RootPom::neededForGrade);
    }

    static boolean neededForGrade(String module) {
        return module.equals("test-support") || module.equals("grade") || module.startsWith("step");
    }
}
