package sockets.testing.grade;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks the line coverage of every graded step in JaCoCo's aggregate XML report and ends the
 * build with exit code 1 and one line per step below the minimum. It runs after the grade table, so a failing test
 * never hides the grade behind a coverage error.
 */
public final class CoverageCheck {

    private CoverageCheck() {}

    /** {@code CoverageCheck REPORT.xml MINIMUM} with MINIMUM a ratio such as 0.90. */
    public static void main(String[] args) throws Exception {
        double minimum = Double.parseDouble(args[1]);
        var factory = DocumentBuilderFactory.newInstance();
        // JaCoCo's report names a DTD that is not there: do not try to load it.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Element report = factory.newDocumentBuilder().parse(Path.of(args[0]).toFile()).getDocumentElement();
        List<String> below = new ArrayList<>();
        for (Node child = report.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element group && group.getTagName().equals("group")
                    && group.getAttribute("name").startsWith("step")) {
                double ratio = lineCoverage(group);
                if (ratio < minimum) {
                    below.add(String.format("%s: line coverage %.1f %% is below %.0f %%",
                            group.getAttribute("name"), 100 * ratio, 100 * minimum));
                }
            }
        }
        if (!below.isEmpty()) {
            // One line per step, then the build's exit code: Maven runs us in its JVM, last.
            below.forEach(System.out::println);
            System.out.flush();
            System.exit(1);
        }
    }

    private static double lineCoverage(Element group) {
        for (Node child = group.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element counter && counter.getTagName().equals("counter")
                    && counter.getAttribute("type").equals("LINE")) {
                double missed = Double.parseDouble(counter.getAttribute("missed"));
                double covered = Double.parseDouble(counter.getAttribute("covered"));
                return covered / (missed + covered);
            }
        }
        return 1.0;
    }
}
