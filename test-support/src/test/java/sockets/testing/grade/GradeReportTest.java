package sockets.testing.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The grade report")
class GradeReportTest {

    @TempDir
    Path root;

    /** A step whose results.tsv has {@code results} (exercise, status, test, message) and Surefire agrees. */
    private Path step(String name, String exercises, String... results) throws IOException {
        Path dir = root.resolve(name);
        Files.createDirectories(dir.resolve("src/test/resources"));
        Files.writeString(dir.resolve(ExerciseCatalog.FILE), exercises, StandardCharsets.UTF_8);
        if (results.length > 0) {
            List<String> lines = new ArrayList<>();
            for (String result : results) {
                // Each test in the suite "T" under its own display path as its name.
                lines.add(result + "\tT\t" + result.split("\t")[2]);
            }
            Files.createDirectories(dir.resolve(GradeListener.RESULTS).getParent());
            Files.write(dir.resolve(GradeListener.RESULTS), lines, StandardCharsets.UTF_8);
            SurefireReportsTest.writeReport(dir, "T", lines.stream().map(TestResult::fromLine).toList());
        }
        return dir;
    }

    @Test
    @DisplayName("gives an exercise its points only when every one of its tests passed")
    void pointsOnlyWhenAllTestsPass() throws IOException {
        step("step1-a", "1.1 | 2 | One | hint one\n1.2 | 3 | Two | hint two\n1.3 | 4 | Three | hint three\n",
                "1.1\tPASSED\tA > a\t", "1.1\tPASSED\tA > b\t",
                "1.2\tPASSED\tB > a\t", "1.2\tFAILED\tB > b\tdid you flush()?");
        Grade grade = new Grade(GradeReport.graded(root));
        List<Grade.Scored> scored = grade.steps().getFirst().exercises();
        assertEquals(Grade.Status.PASSED, scored.get(0).status());
        assertEquals(Grade.Status.FAILED, scored.get(1).status());
        assertEquals("did you flush()?", scored.get(1).failure());
        assertEquals("B > b", scored.get(1).failedTest());
        assertEquals(Grade.Status.NOT_RUN, scored.get(2).status(), "an exercise without tests earns nothing");
        assertEquals(2, grade.points());
        assertEquals(9, grade.max());
        assertEquals(Optional.of("2 exercises not done yet - the table above says which"), grade.verdict());
    }

    @Test
    @DisplayName("a bonus step ('step: bonus'): its points apart, never in the total, and missing ones fail only when graded alone")
    void bonusStep() throws IOException {
        step("step1-a", "1.1 | 2 | One | hint one\n", "1.1\tPASSED\tA > a\t");
        step("step5-b", "# a comment first\nstep: bonus\n5.1 | 3 | Extra | hint\n5.2 | 4 | More | hint\n",
                "5.1\tPASSED\tE > a\t", "5.2\tFAILED\tE > b\tnot yet");
        Grade grade = new Grade(GradeReport.graded(root));
        assertEquals(2, grade.points());
        assertEquals(2, grade.max(), "a bonus step never changes the course's total");
        assertEquals(3, grade.bonusPoints());
        assertEquals(7, grade.bonusMax());
        assertEquals(Optional.empty(), grade.verdict(), "bonus exercises not done do not fail the whole course's build");
        assertEquals(Optional.of("bonus: 1 exercise not done yet - optional: bonus points never fail the build"),
                grade.bonusNote());
        Run all = run("--root", root.toString());
        assertEquals(0, all.code());
        assertTrue(all.printed().contains("step5-b (bonus)"), all.printed());
        assertTrue(all.printed().contains("TOTAL"), all.printed());
        assertTrue(all.printed().matches("(?s).*BONUS \\(not in the total\\) +3/7\n.*"), all.printed());
        String json = Files.readString(root.resolve("target/grade/grade.json"));
        assertTrue(json.contains("\"points\": 2,\n  \"max\": 2,\n  \"bonus_points\": 3,\n  \"bonus_max\": 7"), json);
        assertTrue(json.contains("\"module\": \"step5-b\", \"points\": 3, \"max\": 7, \"bonus\": true"), json);
        Run alone = run("--root", root.toString(), "--only", "5");
        assertEquals(1, alone.code(), "graded alone (-Dstep=5), the bonus step's missing points fail the build");
        assertTrue(alone.printed().endsWith("\n1 exercise not done yet - the table above says which\n"), alone.printed());
        assertTrue(!alone.printed().contains("TOTAL"), "no course total when only the bonus is graded: " + alone.printed());
    }

    @Test
    @DisplayName("'step: bonus' after the first exercise is refused, naming the line")
    void bonusHeaderFirst() throws IOException {
        Path dir = step("step5-c", "5.1 | 3 | Extra | hint\nstep: bonus\n");
        IOException e = assertThrows(IOException.class, () -> ExerciseCatalog.read(dir));
        assertTrue(e.getMessage().startsWith(ExerciseCatalog.FILE + ":2: want"), e.getMessage());
    }

    /** What {@link GradeReport#run} printed, and its exit code. */
    private record Run(String printed, int code) {}

    private static Run run(String... args) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = GradeReport.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(bytes.toString(StandardCharsets.UTF_8), code);
    }

    @Test
    @DisplayName("prints the table, writes grade.md and grade.json, then one line and exit code 1 when points are missing")
    void writesFilesThenFails() throws IOException {
        step("step2-b", "2.1 | 5 | Connect | use a timeout\n", "2.1\tFAILED\tC > c\trefused \"quoted\"");
        Path out = root.resolve("target/grade");
        Run run = run("--root", root.toString());
        assertEquals(1, run.code());
        assertTrue(run.printed().endsWith("\n1 exercise not done yet - the table above says which\n"), run.printed());
        String json = Files.readString(out.resolve("grade.json"));
        assertTrue(json.contains("{\"id\": \"2.1\", \"step\": \"step2-b\", \"title\": \"Connect\", \"points\": 0, \"max\": 5"), json);
        assertTrue(json.contains("\"failure\": \"refused \\\"quoted\\\"\", \"failed_test\": \"C > c\""), json);
        assertTrue(json.contains("\"failures\": [{\"test\": \"C > c\", \"message\": \"refused \\\"quoted\\\"\"}]"), json);
        assertTrue(Files.readString(out.resolve("grade.md")).contains("| step2-b | 2.1 | Connect | 0 / 5 | failed |"));
    }

    @Test
    @DisplayName("exits 0 and adds nothing after the table at full marks")
    void fullMarks() throws IOException {
        step("step1-a", "1.1 | 2 | One | hint one\n", "1.1\tPASSED\tA > a\t");
        Run run = run("--root", root.toString());
        assertEquals(0, run.code());
        assertTrue(run.printed().endsWith("tests: 1 passed, 0 failed\n\n"), run.printed());
    }

    @Test
    @DisplayName("shows every failing test of an exercise with its message, and the step's HINTS.md")
    void everyFailingTest() throws IOException {
        Path dir = step("step3-c", "3.1 | 2 | Read | loop until -1\n", "3.1\tPASSED\tR > reads\t",
                "3.1\tFAILED\tR > stops at -1\texpected: <-1> but was: <0>",
                "3.1\tFAILED\tR > keeps the rest\texpected: <rest> but was: <>");
        Files.writeString(dir.resolve("HINTS.md"), "## 3.1 Read\n");
        String printed = run("--root", root.toString()).printed();
        assertTrue(printed.contains("  3.1  Read") && printed.contains("0/2  FAILED"), printed);
        for (String line : List.of("        hint:   loop until -1", "        more:   step3-c/HINTS.md, section 3.1",
                "        test:   R > stops at -1", "                expected: <-1> but was: <0>",
                "        test:   R > keeps the rest", "                expected: <rest> but was: <>")) {
            assertTrue(printed.contains(line + "\n"), "missing '" + line + "' in:\n" + printed);
        }
        String md = Files.readString(root.resolve("target/grade/grade.md"));
        assertTrue(md.contains("**R > stops at -1**: expected: <-1> but was: <0><br>**R > keeps the rest**"), md);
    }

    @Test
    @DisplayName("says 'not started' in one line when every failing test stopped at the exercise's stub")
    void notStarted() throws IOException {
        String stub = Stubs.STOPPED + "Exercise 1.2: Two";
        String earlier = Stubs.STOPPED + "Exercise 1.1: One";
        step("step1-a", "1.1 | 1 | One | h1\n1.2 | 2 | Two | h2\n1.3 | 3 | Three | h3\n",
                "1.1\tFAILED\tA > a\t" + earlier, "1.2\tFAILED\tB > a\t" + stub, "1.2\tFAILED\tB > b\t" + stub,
                "1.3\tFAILED\tC > a\t" + earlier);
        Run run = run("--root", root.toString());
        assertTrue(run.printed().contains("0/2  not done\n        todo:   not started: its 2 failing tests stop at its stub"
                + " - write it (TODO Exercise 1.2)\n"), run.printed());
        assertTrue(run.printed().contains("        waits:  1 test stops at the stub of exercise 1.1 - do 1.1 first\n"), run.printed());
        assertTrue(!run.printed().contains("B > a"), "a stubbed exercise's tests are not listed one by one:\n" + run.printed());
        assertTrue(run.printed().endsWith("3 exercises not done yet - the table above says which\n"), run.printed());
    }

    @Test
    @DisplayName("says 'not done', not 'FAILED', when its tests stop at stubs of several exercises; 'FAILED' once one fails on its own")
    void notDoneAcrossStubs() throws IOException {
        String own = Stubs.STOPPED + "Exercise 1.2: Two";
        String earlier = Stubs.STOPPED + "Exercise 1.1: One";
        step("step1-a", "1.1 | 1 | One | h1\n1.2 | 2 | Two | h2\n1.3 | 3 | Three | h3\n",
                "1.1\tFAILED\tA > a\t" + earlier, "1.2\tFAILED\tB > a\t" + own, "1.2\tFAILED\tB > b\t" + earlier,
                "1.3\tFAILED\tC > a\t" + earlier, "1.3\tFAILED\tC > b\tConnection reset");
        String printed = run("--root", root.toString()).printed();
        assertTrue(printed.contains("  1.2  Two") && printed.contains("0/2  not done\n"), printed);
        assertTrue(printed.contains("0/3  FAILED\n"), "1.3's own failure shows: " + printed);
        assertTrue(printed.contains("        test:   C > b\n                Connection reset\n"), printed);
    }

    @Test
    @DisplayName("lists a failing test of no exercise and fails the build for it, even at full marks")
    void ungradedFailure() throws IOException {
        step("step2-b", "2.1 | 5 | Connect | use a timeout\n", "2.1\tPASSED\tC > c\t",
                "-\tFAILED\tThe README > shows the tour\tREADME.md differs");
        Run run = run("--root", root.toString());
        assertEquals(1, run.code());
        assertTrue(run.printed().contains("  not graded: 1 test fails (no points, but the build fails)\n"
                + "        test:   The README > shows the tour\n                README.md differs\n"), run.printed());
        assertTrue(run.printed().endsWith("every exercise is done, but 1 test of no exercise fails"
                + " (listed under 'not graded' above)\n"), run.printed());
    }

    @Test
    @DisplayName("grades one step with --only N")
    void onlyOneStep() throws IOException {
        step("step1-a", "1.1 | 2 | One | hint one\n", "1.1\tFAILED\tA > a\tno");
        step("step2-b", "2.1 | 5 | Connect | use a timeout\n", "2.1\tPASSED\tC > c\t");
        Run run = run("--root", root.toString(), "--only", "2");
        assertEquals(0, run.code(), run.printed());
        assertTrue(run.printed().contains("step2-b") && !run.printed().contains("step1-a"), run.printed());
        assertThrows(IllegalArgumentException.class, () -> run("--root", root.toString(), "--only", "7"));
    }

    @Test
    @DisplayName("flags a test that names an exercise the catalogue does not list")
    void unknownExercise() throws IOException {
        step("step3-c", "3.1 | 1 | Read | loop until -1\n", "3.1\tPASSED\tR > r\t", "3.9\tPASSED\tX > x\t");
        Grade grade = new Grade(GradeReport.graded(root));
        assertEquals(1, grade.points());
        assertTrue(grade.verdict().orElseThrow().contains("names exercise 3.9"), grade.verdict().toString());
    }

    @Test
    @DisplayName("stays silent in a step when the grade module is part of the build")
    void defersToTheGradeModule() throws IOException {
        Path dir = step("step4-d", "4.1 | 1 | Chat | relay\n", "4.1\tFAILED\tT > t\tboom");
        assertEquals(0, run("--step", dir.toString(), "--reactor", "projects: [MavenProject: sockets:grade:1.0]").code());
        assertTrue(Files.notExists(dir.resolve("target/grade/grade.md")));
        assertEquals(1, run("--step", dir.toString(), "--reactor", "projects: []").code());
        assertTrue(Files.exists(dir.resolve("target/grade/grade.md")));
    }

    @Test
    @DisplayName("ends the build itself only in the last step of a build; an earlier one fails the Maven way")
    void lastStepEndsTheBuild() throws IOException {
        Path dir = step("step4-d", "4.1 | 1 | Chat | relay\n", "4.1\tFAILED\tT > t\tboom");
        String projects = "[MavenProject: sockets:test-support:1.0 @ /x, MavenProject: sockets:step4-d:1.0 @ /y]";
        assertEquals(1, run("--step", dir.toString(), "--reactor", projects).code());
        assertThrows(GradeReport.GradeFailure.class, () -> run("--step", dir.toString(), "--reactor",
                projects.replace("]", ", MavenProject: sockets:step4-d--variant:1.0 @ /z]")));
    }
}
