package sockets.testing.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        assertEquals(List.of("1 test failed"), grade.problems());
    }

    @Test
    @DisplayName("prints the table, writes grade.md and grade.json, then fails the build on a failed test")
    void writesFilesThenFails() throws IOException {
        step("step2-b", "2.1 | 5 | Connect | use a timeout\n", "2.1\tFAILED\tC > c\trefused \"quoted\"");
        Path out = root.resolve("target/grade");
        var failure = assertThrows(GradeReport.GradeFailure.class,
                () -> GradeReport.main(new String[] {"--root", root.toString()}));
        assertTrue(failure.getMessage().startsWith("1 test failed"), failure.getMessage());
        String json = Files.readString(out.resolve("grade.json"));
        assertTrue(json.contains("{\"id\": \"2.1\", \"step\": \"step2-b\", \"title\": \"Connect\", \"points\": 0, \"max\": 5"), json);
        assertTrue(json.contains("\"failure\": \"refused \\\"quoted\\\"\", \"failed_test\": \"C > c\""), json);
        assertTrue(Files.readString(out.resolve("grade.md")).contains("| step2-b | 2.1 | Connect | 0 / 5 | failed |"));
    }

    @Test
    @DisplayName("flags a test that names an exercise the catalogue does not list")
    void unknownExercise() throws IOException {
        step("step3-c", "3.1 | 1 | Read | loop until -1\n", "3.1\tPASSED\tR > r\t", "3.9\tPASSED\tX > x\t");
        Grade grade = new Grade(GradeReport.graded(root));
        assertEquals(1, grade.points());
        assertTrue(grade.problems().getFirst().contains("names exercise 3.9"), grade.problems().toString());
    }

    @Test
    @DisplayName("stays silent in a step when the grade module is part of the build")
    void defersToTheGradeModule() throws IOException {
        Path dir = step("step4-d", "4.1 | 1 | Chat | relay\n", "4.1\tFAILED\tT > t\tboom");
        GradeReport.main(new String[] {"--step", dir.toString(), "--reactor", "projects: [MavenProject: sockets:grade:1.0]"});
        assertTrue(Files.notExists(dir.resolve("target/grade/grade.md")));
        assertThrows(GradeReport.GradeFailure.class,
                () -> GradeReport.main(new String[] {"--step", dir.toString(), "--reactor", "projects: []"}));
        assertTrue(Files.exists(dir.resolve("target/grade/grade.md")));
    }
}
