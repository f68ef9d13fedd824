package sockets.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Mutation report")
class MutationReportTest {

    /** Three mutants of PortFinder: one in the constructor's region (killed), one in freePort's (survived), one in helper. */
    private static final String PIT_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <mutations partial="true">
            <mutation detected='true' status='KILLED' numberOfTestsRun='1'><sourceFile>PortFinder.java</sourceFile><mutatedClass>sockets.step1.PortFinder</mutatedClass><mutatedMethod>&lt;init&gt;</mutatedMethod><lineNumber>8</lineNumber><description>removed assignment</description></mutation>
            <mutation detected='false' status='SURVIVED' numberOfTestsRun='2'><sourceFile>PortFinder.java</sourceFile><mutatedClass>sockets.step1.PortFinder</mutatedClass><mutatedMethod>freePort</mutatedMethod><lineNumber>16</lineNumber><description>Replaced integer addition with subtraction</description></mutation>
            <mutation detected='false' status='NO_COVERAGE' numberOfTestsRun='0'><sourceFile>PortFinder.java</sourceFile><mutatedClass>sockets.step1.PortFinder$Inner</mutatedClass><mutatedMethod>helper</mutatedMethod><lineNumber>22</lineNumber><description>replaced return value with ""</description></mutation>
            </mutations>
            """;

    @TempDir
    Path temp;
    Path course;

    @BeforeEach
    void writeCourse() throws IOException {
        course = CourseFixture.write(temp.resolve("course"));
        CourseFixture.file(course, "step1-basics/target/pit-reports/mutations.xml", PIT_XML);
    }

    @Test
    @DisplayName("matches each mutant to the solution region around its line")
    void exercises() throws Exception {
        List<MutationReport.Mutant> mutants = MutationReport.read(course.resolve("step1-basics"));
        assertEquals(List.of("1.2", "1.1", "-"), mutants.stream().map(m -> m.exercise() == null ? "-" : m.exercise()).toList());
        assertEquals("sockets/step1/PortFinder.java", mutants.get(2).file(), "a nested class's mutant is in its outer file");
    }

    @Test
    @DisplayName("prints the score of all the code and of the solution regions, then the survivors")
    void table() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MutationReport.print(course, List.of("step1-basics"), new PrintStream(out, true, StandardCharsets.UTF_8));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of("step1-basics", "3", "1", "33", "%", "2", "1", "50", "%"), List.of(lines.get(1).split("\\s+")));
        assertEquals(List.of(
                "step1-basics: 2 mutants no test noticed",
                "  sockets/step1/PortFinder.java:16 freePort: Replaced integer addition with subtraction (exercise 1.1)",
                "  sockets/step1/PortFinder.java:22 helper: replaced return value with \"\" [NO_COVERAGE]"),
                lines.subList(3, lines.size()));
    }

    @Test
    @DisplayName("says how to make the report when there is none")
    void noReport() {
        EditionException e = assertThrows(EditionException.class, () -> MutationReport.read(course.resolve("slides")));
        assertTrue(e.getMessage().endsWith("run ./mvnw -Pmutation -pl slides test first"), e.getMessage());
    }
}
