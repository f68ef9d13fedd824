package sockets.edition;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The course's root {@code pom.xml}, rewritten as text so every comment and the layout stay as
 * the authors wrote them: for the student edition (no instructor's tool, no coverage minimum)
 * and for grading (only the modules the grade needs).
 */
final class RootPom {

    private static final Pattern MODULE_LINE = Pattern.compile("(?m)^[ \\t]*<module>([^<]+)</module>[ \\t]*\\R");
    private static final Pattern COVERAGE = Pattern.compile("<coverage\\.minimum>[^<]*</coverage\\.minimum>");

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
     * The edition's root pom: without the student-edition module (the tool stays with the
     * instructor) and with a coverage minimum of 0 - coverage of stubs means nothing.
     */
    static String forStudents(String pom) throws EditionException {
        if (!COVERAGE.matcher(pom).find()) {
            throw new EditionException("pom.xml: no <coverage.minimum> property to set to 0 in the student edition");
        }
        String withoutTool = keepModules(pom, module -> !module.equals("student-edition"));
        return COVERAGE.matcher(withoutTool).replaceFirst("<coverage.minimum>0</coverage.minimum>");
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
