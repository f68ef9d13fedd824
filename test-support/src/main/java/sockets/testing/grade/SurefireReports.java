package sockets.testing.grade;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

// Why Surefire's reports: Surefire writes them from the Maven process, from the events the test
// JVM streamed to it, so they are a second record of every test that the test JVM alone does not
// write. What this check does not cover is listed with the instructor's tools.

/**
 * Checks the grade listener's {@code results.tsv} against Surefire's XML reports of the same
 * module, test by test: a test passes only if Surefire saw it pass, and no test that failed for
 * Surefire may be missing. Student code runs in the test JVM and can rewrite {@code results.tsv}.
 */
final class SurefireReports {

    /** Surefire's default report folder, relative to the module. */
    static final Path DIR = Path.of("target", "surefire-reports");

    /** The name Surefire gives the entry of a class whose setup failed (its tests never ran). */
    private static final String CONTAINER = "";

    /** How the tests of one suite (a test class) ended: name to count, passed and not passed. */
    private record Tally(Map<String, Integer> passed, Map<String, Integer> notPassed) {
        Tally() {
            this(new TreeMap<>(), new TreeMap<>());
        }

        void add(String name, boolean pass) {
            (pass ? passed : notPassed).merge(name, 1, Integer::sum);
        }
    }

    private SurefireReports() {}

    /** Why {@code results} cannot be trusted, or empty when Surefire's reports agree with them. */
    static Optional<String> disagreement(Path moduleDir, List<TestResult> results) {
        if (results.isEmpty()) {
            return Optional.empty(); // claims nothing, earns nothing: nothing to check
        }
        Map<String, Tally> surefire;
        try {
            surefire = read(moduleDir.resolve(DIR));
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
        if (surefire.isEmpty()) {
            return Optional.of("no Surefire report (" + DIR + "/TEST-*.xml) to check results.tsv against");
        }
        Map<String, Tally> listener = new TreeMap<>();
        for (TestResult result : results) {
            listener.computeIfAbsent(result.suite(), suite -> new Tally())
                    .add(result.reportedName(), result.status() == TestResult.Status.PASSED);
        }
        for (var entry : listener.entrySet()) {
            Tally theirs = surefire.get(entry.getKey());
            if (theirs == null) {
                return Optional.of("no Surefire report for " + entry.getKey() + ", which results.tsv lists");
            }
            Optional<String> why = compare(entry.getKey(), entry.getValue(), theirs);
            if (why.isPresent()) {
                return why;
            }
        }
        for (var entry : surefire.entrySet()) {
            // A report results.tsv lacks is harmless if all its tests passed (a stale report of a
            // test class run earlier, say); with a failure in it, a failed test was hidden.
            if (!listener.containsKey(entry.getKey()) && !entry.getValue().notPassed().isEmpty()) {
                return Optional.of(entry.getKey() + " failed for Surefire but is missing from results.tsv");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> compare(String suite, Tally ours, Tally theirs) {
        Map<String, Integer> claimed = minus(ours.passed(), theirs.passed());
        if (!claimed.isEmpty()) {
            return Optional.of(suite + ": " + first(claimed) + " passed in results.tsv, not for Surefire");
        }
        Map<String, Integer> dropped = minus(theirs.passed(), ours.passed());
        if (!dropped.isEmpty()) {
            return Optional.of(suite + ": " + first(dropped) + " passed for Surefire, not in results.tsv");
        }
        Map<String, Integer> onlyOurs = minus(ours.notPassed(), theirs.notPassed());
        Map<String, Integer> onlyTheirs = minus(theirs.notPassed(), ours.notPassed());
        onlyTheirs.remove(CONTAINER);
        if (!onlyTheirs.isEmpty()) {
            return Optional.of(suite + ": " + first(onlyTheirs) + " failed for Surefire, not in results.tsv");
        }
        // A class whose setup failed: Surefire has one entry for it, the listener one per test.
        if (!onlyOurs.isEmpty() && !theirs.notPassed().containsKey(CONTAINER)) {
            return Optional.of(suite + ": " + first(onlyOurs) + " failed in results.tsv, Surefire never ran it");
        }
        return Optional.empty();
    }

    /** The first name of {@code names} and how many others there are, for one line. */
    private static String first(Map<String, Integer> names) {
        int more = names.values().stream().mapToInt(Integer::intValue).sum() - 1;
        String name = names.keySet().iterator().next();
        return "'" + name + "'" + (more > 0 ? " (and " + more + " more)" : "");
    }

    /** The counts of {@code a} that {@code b} does not cover. */
    private static Map<String, Integer> minus(Map<String, Integer> a, Map<String, Integer> b) {
        Map<String, Integer> left = new TreeMap<>();
        a.forEach((name, count) -> {
            int more = count - b.getOrDefault(name, 0);
            if (more > 0) {
                left.put(name, more);
            }
        });
        return left;
    }

    /** Every {@code TEST-*.xml} in {@code dir}, by suite name; empty if there is none. */
    private static Map<String, Tally> read(Path dir) throws IOException {
        Map<String, Tally> suites = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return suites;
        }
        try (DirectoryStream<Path> reports = Files.newDirectoryStream(dir, "TEST-*.xml")) {
            for (Path report : reports) {
                readOne(report, suites);
            }
        }
        return suites;
    }

    private static void readOne(Path report, Map<String, Tally> suites) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // Surefire's reports have no DTD; refusing one keeps a planted file from reaching out.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Element suite = factory.newDocumentBuilder().parse(report.toFile()).getDocumentElement();
            Tally tally = suites.computeIfAbsent(suite.getAttribute("name"), name -> new Tally());
            NodeList cases = suite.getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element testcase = (Element) cases.item(i);
                tally.add(testcase.getAttribute("name"), passed(testcase));
            }
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot read Surefire's report " + report.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** A testcase passed when Surefire recorded no failure, error or skip under it. */
    private static boolean passed(Element testcase) {
        for (String outcome : List.of("failure", "error", "skipped")) {
            if (testcase.getElementsByTagName(outcome).getLength() > 0) {
                return false; // one is enough
            }
        }
        return true;
    }
}
