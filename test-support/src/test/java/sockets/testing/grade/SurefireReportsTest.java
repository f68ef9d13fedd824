package sockets.testing.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The cross-check of results.tsv against Surefire's reports")
class SurefireReportsTest {

    private static final String SUITE = "sockets.step9.EchoTest";

    @TempDir
    Path step;

    @BeforeEach
    void catalogue() throws IOException {
        Files.createDirectories(step.resolve("src/test/resources"));
        Files.writeString(step.resolve(ExerciseCatalog.FILE),
                "9.1 | 2 | Echo | flush\n9.2 | 3 | Close | half-close\n", StandardCharsets.UTF_8);
    }

    /** Writes Surefire's {@code TEST-suite.xml} for {@code results}, as Surefire would. */
    static void writeReport(Path module, String suite, List<TestResult> results) throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"")
                .append(suite).append("\" tests=\"0\">\n  <properties>\n  </properties>\n");
        for (TestResult result : results) {
            xml.append("  <testcase name=\"").append(result.reportedName().replace("\"", "&quot;"))
                    .append("\" classname=\"Nested display name\" time=\"0.01\"");
            xml.append(switch (result.status()) {
                case PASSED -> "/>\n";
                case FAILED -> ">\n    <failure message=\"boom\" type=\"java.lang.AssertionError\"><![CDATA[boom]]></failure>\n  </testcase>\n";
                case SKIPPED -> ">\n    <skipped message=\"off\"/>\n  </testcase>\n";
            });
        }
        Path dir = module.resolve(SurefireReports.DIR);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("TEST-" + suite + ".xml"), xml.append("</testsuite>\n"), StandardCharsets.UTF_8);
    }

    private static TestResult test(String exercise, TestResult.Status status, String name) {
        return new TestResult(exercise, status, "Echo > " + name, status == TestResult.Status.PASSED ? "" : "boom",
                SUITE, name);
    }

    private static final List<TestResult> HONEST = List.of(
            test("9.1", TestResult.Status.PASSED, "echoes"),
            test("9.1", TestResult.Status.PASSED, "lines(int)[1]"),
            test("9.1", TestResult.Status.PASSED, "lines(int)[2]"),
            test("9.2", TestResult.Status.FAILED, "halfCloses"),
            test("9.2", TestResult.Status.PASSED, "errors"),
            test("-", TestResult.Status.SKIPPED, "someday"));

    private void resultsFile(List<TestResult> results) throws IOException {
        List<String> lines = new ArrayList<>();
        for (TestResult result : results) {
            lines.add(result.toLine());
        }
        Files.createDirectories(step.resolve(GradeListener.RESULTS).getParent());
        Files.write(step.resolve(GradeListener.RESULTS), lines, StandardCharsets.UTF_8);
    }

    /** results.tsv with every FAILED turned PASSED, as the shutdown-hook cheat does. */
    private static List<TestResult> forged(List<TestResult> results) {
        return results.stream().map(r -> r.status() != TestResult.Status.FAILED ? r
                : new TestResult(r.exercise(), TestResult.Status.PASSED, r.test(), "", r.suite(), r.reportedName()))
                .toList();
    }

    private Grade.Step graded() throws IOException {
        return Grade.ofStep(step);
    }

    private void assertDiscarded(String why) throws IOException {
        Grade.Step graded = graded();
        assertEquals(0, graded.points(), "a step whose results disagree with Surefire earns nothing");
        assertTrue(graded.exercises().stream().allMatch(s -> s.status() == Grade.Status.DISCARDED), graded.toString());
        assertTrue(graded.discarded().contains(why), graded.discarded());
        Grade grade = new Grade(List.of(graded));
        assertTrue(grade.verdict().orElseThrow().contains(graded.module() + ": " + Grade.DISCARDED), grade.verdict().toString());
        String table = GradeTable.text(grade);
        // The reason may be cut to fit the line; its start is there.
        String start = graded.discarded().substring(0, Math.min(60, graded.discarded().length()));
        assertTrue(table.contains(Grade.DISCARDED) && table.contains(start), table);
    }

    @Test
    @DisplayName("scores as before when both agree")
    void agreeing() throws IOException {
        resultsFile(HONEST);
        writeReport(step, SUITE, HONEST);
        Grade.Step graded = graded();
        assertEquals("", graded.discarded());
        assertEquals(Grade.Status.PASSED, graded.exercises().get(0).status());
        assertEquals(Grade.Status.FAILED, graded.exercises().get(1).status());
        assertEquals(2, graded.points());
        assertEquals(6, graded.all().size());
    }

    @Test
    @DisplayName("discards a results.tsv rewritten to pass what failed for Surefire")
    void forgedPass() throws IOException {
        resultsFile(forged(HONEST));
        writeReport(step, SUITE, HONEST);
        assertDiscarded("'halfCloses' passed in results.tsv, not for Surefire");
    }

    @Test
    @DisplayName("discards a results.tsv that left out a test that failed")
    void droppedFailure() throws IOException {
        resultsFile(HONEST.stream().filter(r -> r.status() != TestResult.Status.FAILED).toList());
        writeReport(step, SUITE, HONEST);
        assertDiscarded("'halfCloses' failed for Surefire, not in results.tsv");
    }

    @Test
    @DisplayName("discards a results.tsv that swapped a failing test for an invented one")
    void inventedFailure() throws IOException {
        List<TestResult> swapped = new ArrayList<>(HONEST.stream().filter(r -> r.status() != TestResult.Status.FAILED).toList());
        swapped.add(test("-", TestResult.Status.FAILED, "decoy"));
        resultsFile(swapped);
        writeReport(step, SUITE, HONEST);
        assertDiscarded("'halfCloses' failed for Surefire, not in results.tsv");
    }

    @Test
    @DisplayName("discards results when Surefire wrote no report, or one it cannot read")
    void noReport() throws IOException {
        resultsFile(HONEST);
        assertDiscarded("no Surefire report");
        Files.createDirectories(step.resolve(SurefireReports.DIR));
        Files.writeString(step.resolve(SurefireReports.DIR).resolve("TEST-" + SUITE + ".xml"), "<testsuite");
        assertDiscarded("cannot read Surefire's report TEST-" + SUITE + ".xml");
    }

    @Test
    @DisplayName("discards a suite in results.tsv that Surefire has no report of")
    void suiteWithoutReport() throws IOException {
        List<TestResult> more = new ArrayList<>(HONEST);
        more.add(new TestResult("9.2", TestResult.Status.PASSED, "Other > x", "", "sockets.step9.OtherTest", "x"));
        resultsFile(more);
        writeReport(step, SUITE, HONEST);
        assertDiscarded("no Surefire report for sockets.step9.OtherTest");
    }

    @Test
    @DisplayName("discards results that hide a whole suite that failed for Surefire")
    void hiddenSuite() throws IOException {
        resultsFile(HONEST);
        writeReport(step, SUITE, HONEST);
        writeReport(step, "sockets.step9.HiddenTest", List.of(test("9.1", TestResult.Status.FAILED, "x")));
        assertDiscarded("sockets.step9.HiddenTest failed for Surefire but is missing from results.tsv");
    }

    @Test
    @DisplayName("ignores a stale report whose tests all passed (a test class since renamed)")
    void staleReport() throws IOException {
        resultsFile(HONEST);
        writeReport(step, SUITE, HONEST);
        writeReport(step, "sockets.step9.RenamedTest", List.of(test("9.1", TestResult.Status.PASSED, "x")));
        assertEquals("", graded().discarded());
        assertEquals(2, graded().points());
    }

    @Test
    @DisplayName("does not check a step that claims nothing")
    void nothingClaimed() throws IOException {
        assertEquals("", graded().discarded());
        assertEquals(Grade.Status.NOT_RUN, graded().exercises().getFirst().status());
    }

    @Nested
    @DisplayName("when a test class's setup failed")
    class SetupFailed {

        @Test
        @DisplayName("accepts one failed entry from Surefire for the class, one per test in results.tsv")
        void classEntry() throws IOException {
            List<TestResult> results = List.of(test("9.2", TestResult.Status.FAILED, "a"),
                    test("9.2", TestResult.Status.FAILED, "b"), test("9.1", TestResult.Status.PASSED, "c"));
            resultsFile(results);
            writeReport(step, SUITE, List.of(test("9.2", TestResult.Status.FAILED, ""), results.get(2)));
            Grade.Step graded = graded();
            assertEquals("", graded.discarded());
            assertEquals(Grade.Status.FAILED, graded.exercises().get(1).status());
            assertEquals(2, graded.exercises().get(1).failed());
            assertEquals(2, graded.points());
        }

        @Test
        @DisplayName("still refuses failed tests Surefire never saw when it reports no class failure")
        void noClassEntry() throws IOException {
            List<TestResult> results = List.of(test("9.2", TestResult.Status.FAILED, "a"), test("9.1", TestResult.Status.PASSED, "c"));
            resultsFile(results);
            writeReport(step, SUITE, List.of(results.get(1)));
            assertDiscarded("'a' failed in results.tsv, Surefire never ran it");
        }
    }

    @Test
    @DisplayName("a failure is recorded as stopped at a stub when the stub is quoted, or was hit on another thread meanwhile")
    void stubsBehindFailures() {
        String stub = "Exercise 1.1: socket(): create a socket of each kind";
        assertEquals(Stubs.STOPPED + stub, GradeListener.oneLine(new AssertionError("phase 1 of the tour says 'not done yet - " + stub + "'")));
        assertEquals(Stubs.STOPPED + stub, GradeListener.failureLine(new java.net.SocketTimeoutException("Read timed out"), () -> stub));
        assertEquals("Read timed out", GradeListener.failureLine(new java.net.SocketTimeoutException("Read timed out"), () -> null));
        assertEquals(Stubs.STOPPED + "Exercise 2.4: Explain", GradeListener.failureLine(
                new UnsupportedOperationException("Exercise 2.4: Explain"), () -> stub), "the test's own stub comes first");
    }

    @Test
    @DisplayName("names a test as Surefire does: JUnit's legacy name without a final ()")
    void surefireNames() {
        assertEquals("echoes", GradeListener.surefireName("echoes()"));
        assertEquals("binds(Path)", GradeListener.surefireName("binds(Path)"));
        assertEquals("lines(int)[2]", GradeListener.surefireName("lines(int)[2]"));
        assertEquals("dynamic()[1]", GradeListener.surefireName("dynamic()[1]"));
        assertEquals("a_rule_field", GradeListener.surefireName("a_rule_field"));
    }
}
