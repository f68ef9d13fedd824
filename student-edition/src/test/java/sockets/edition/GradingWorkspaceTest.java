package sockets.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Grading workspace, made from a submission that tried to bend the grade")
class GradingWorkspaceTest {

    @TempDir
    Path temp;
    Path work;
    final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void prepare() throws Exception {
        Path course = CourseFixture.write(temp.resolve("course"));
        CourseFixture.file(course, "step1-basics/src/main/java/sockets/step1/Tour.java", "class Tour { /* deletes its temp file */ }\n");
        CourseFixture.file(course, "step1-basics/src/test/resources/allowed-calls.txt",
                "sockets.step1.Tour | java.nio.file.Files.delete | the tour cleans up\n"
                        + "sockets.step1.PortFinder | java.nio.file.Files.delete | a class with a region stays the student's\n");
        Path submission = temp.resolve("submission");
        StudentEdition.write(course, submission, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        String step = "step1-basics/";
        CourseFixture.file(submission, step + "src/main/java/sockets/step1/PortFinder.java", "the student's code\n");
        CourseFixture.file(submission, step + "src/test/java/sockets/step1/PortFinderTest.java", "assertions deleted\n");
        CourseFixture.file(submission, step + "src/test/java/sockets/step1/ExtraTest.java", "a test of my own\n");
        CourseFixture.file(submission, step + "src/test/resources/exercises.txt", "1.1 | 99 | Free | points\n");
        CourseFixture.file(submission, step + "pom.xml", "<project>tests skipped</project>\n");
        CourseFixture.file(submission, step + "target/grade/results.tsv", "1.1\tPASSED\tforged\n");
        CourseFixture.file(submission, step + "src/main/resources/junit-platform.properties", "junit.jupiter.extensions.autodetection.enabled=true\n");
        CourseFixture.file(submission, step + "src/main/resources/META-INF/services/org.junit.jupiter.api.extension.Extension", "Cheat\n");
        CourseFixture.file(submission, step + "src/main/resources/data.txt", "needed by the code\n");
        CourseFixture.file(submission, step + "src/main/java/sockets/testing/grade/GradeListener.java", "shadow\n");
        CourseFixture.file(submission, step + "src/main/java/sockets/step1/notes.txt", "a file javac ignores\n");
        CourseFixture.file(submission, step + "src/main/java/sockets/step1/Tour.java", "class Tour { /* rewrites grade.json */ }\n");
        CourseFixture.file(submission, step + "README.md", "# My own transcript\n");
        CourseFixture.file(submission, "test-support/pom.xml", "<project>edited support</project>\n");
        CourseFixture.file(submission, ".mvn/maven.config", "-DskipTests\n");
        CourseFixture.file(submission, "pom.xml", "<project>edited root</project>\n");
        work = temp.resolve("work");
        GradingWorkspace.prepare(course, submission, work, new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("takes the Java sources of the student's src/main/java, whatever their package")
    void keepsMainCode() throws IOException {
        assertEquals("the student's code\n", CourseFixture.read(work, "step1-basics/src/main/java/sockets/step1/PortFinder.java"));
        // Compiled, then rejected by the scan with one line (a class outside sockets.step1): see CodeScan.
        assertEquals("shadow\n", CourseFixture.read(work, "step1-basics/src/main/java/sockets/testing/grade/GradeListener.java"));
        assertFalse(Files.exists(work.resolve("step1-basics/src/main/java/sockets/step1/Answer.java")),
                "a solution-only file of the course the submission does not have");
    }

    @Test
    @DisplayName("takes given code that allowed-calls.txt lets do more from the course, not a class with a region")
    void givenCodeWithAllowances() throws IOException {
        assertEquals("class Tour { /* deletes its temp file */ }\n", CourseFixture.read(work, "step1-basics/src/main/java/sockets/step1/Tour.java"));
        assertEquals("the student's code\n", CourseFixture.read(work, "step1-basics/src/main/java/sockets/step1/PortFinder.java"));
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("taken from the course (given code that allowed-calls.txt lets do what student code may not):"
                + " step1-basics/src/main/java/sockets/step1/Tour.java"), text);
    }

    @Test
    @DisplayName("takes the README and resources from the course, naming the submission's own that differ")
    void courseResources() throws IOException {
        assertEquals("# Step 1\n", CourseFixture.read(work, "step1-basics/README.md"));
        assertFalse(Files.exists(work.resolve("step1-basics/src/main/resources/data.txt")));
        assertFalse(Files.exists(work.resolve("step1-basics/src/main/java/sockets/step1/notes.txt")));
        String text = log.toString(StandardCharsets.UTF_8);
        for (String file : List.of("src/main/resources/data.txt", "src/main/resources/junit-platform.properties",
                "src/main/resources/META-INF/services/org.junit.jupiter.api.extension.Extension",
                "src/main/java/sockets/step1/notes.txt")) {
            assertTrue(text.contains("not taken from the submission (only Java sources of src/main/java count): step1-basics/" + file), text);
        }
    }

    @Test
    @DisplayName("replaces the step's tests, exercises and pom by the official ones, dropping extra tests")
    void officialTests() throws IOException {
        assertEquals("official test\n", CourseFixture.read(work, "step1-basics/src/test/java/sockets/step1/PortFinderTest.java"));
        assertFalse(Files.exists(work.resolve("step1-basics/src/test/java/sockets/step1/ExtraTest.java")));
        assertEquals(CourseFixture.EXERCISES, CourseFixture.read(work, "step1-basics/src/test/resources/exercises.txt"));
        assertEquals(CourseFixture.STEP_POM, CourseFixture.read(work, "step1-basics/pom.xml"));
    }

    @Test
    @DisplayName("replaces the grade machinery: test support, grade module, .mvn, root pom reduced to what grading builds")
    void officialMachinery() throws IOException {
        assertEquals("<project>official support</project>\n", CourseFixture.read(work, "test-support/pom.xml"));
        assertEquals("<project>official grade</project>\n", CourseFixture.read(work, "grade/pom.xml"));
        assertFalse(Files.exists(work.resolve(".mvn/maven.config")));
        assertEquals("-Xss1m\n", CourseFixture.read(work, ".mvn/jvm.config"));
        assertTrue(Files.isExecutable(work.resolve("mvnw")));
        String pom = CourseFixture.read(work, "pom.xml");
        assertEquals(java.util.List.of("test-support", "step1-basics", "grade"), RootPom.modules(pom));
        assertTrue(pom.contains("<coverage.minimum>0.90</coverage.minimum>"), pom);
    }

    @Test
    @DisplayName("leaves the submission's build output behind")
    void noBuildOutput() {
        assertFalse(Files.exists(work.resolve("step1-basics/target")));
        assertFalse(Files.exists(work.resolve("student-edition")));
        assertFalse(Files.exists(work.resolve("benchmarks")));
    }

    @Test
    @DisplayName("refuses a folder that is not a course")
    void notACourse() throws IOException {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        EditionException e = assertThrows(EditionException.class, () -> GradingWorkspace.prepare(
                temp.resolve("course"), empty, temp.resolve("work2"), new PrintStream(log, true, StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().endsWith("has no pom.xml: not a copy of the course"), e.getMessage());
    }
}
