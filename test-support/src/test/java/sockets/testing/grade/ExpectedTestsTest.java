package sockets.testing.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The tests each exercise has")
class ExpectedTestsTest {

    @TempDir
    Path step;

    private static final String TESTS = """
            package sockets.step9;
            import org.junit.jupiter.api.*;
            import org.junit.jupiter.params.ParameterizedTest;
            import org.junit.jupiter.params.provider.ValueSource;
            import sockets.testing.Exercise;
            @Exercise("9.1")
            class EchoTest extends Base {
                @Test void echoes() {}
                @ParameterizedTest @ValueSource(ints = {1, 2}) void sizes(int n) {}
                @Test @Exercise("9.2") void closes() {}
                void helper() {}
                @Nested @Exercise("9.2") class Later {
                    @Test void drains() {}
                }
                @Nested class NotAnnotated { @Test void inherits() {} }
                static class NotNested { @Test void neverRun() {} }
            }
            abstract class Base { @Test void fromBase() {} }
            class Helpers { @Test void notATestClass() {} }
            class UngradedTest { @Test void free() {} }
            """;

    @Test
    @DisplayName("lists test methods, parameterized ones once, @Nested and inherited ones, by exercise")
    void byExercise() throws IOException {
        Compiled.compile(step, "src/test/java", "target/test-classes", "sockets/step9/EchoTest.java", TESTS);
        Map<String, Set<String>> expected = ExpectedTests.of(step.resolve("target/test-classes"));
        assertEquals(Map.of(
                "9.1", Set.of("sockets.step9.EchoTest#echoes", "sockets.step9.EchoTest#sizes",
                        "sockets.step9.EchoTest#fromBase", "sockets.step9.EchoTest$NotAnnotated#inherits"),
                "9.2", Set.of("sockets.step9.EchoTest#closes", "sockets.step9.EchoTest$Later#drains")), expected);
    }

    @Test
    @DisplayName("fails an exercise one of whose tests left no result, naming it")
    void vanishedTest() throws IOException {
        Compiled.compile(step, "src/test/java", "target/test-classes", "sockets/step9/EchoTest.java", TESTS);
        Files.createDirectories(step.resolve("src/test/resources"));
        Files.writeString(step.resolve(ExerciseCatalog.FILE), "9.1 | 2 | Echo | h\n9.2 | 1 | Close | h\n", StandardCharsets.UTF_8);
        List<TestResult> recorded = List.of(
                result("9.1", "sockets.step9.EchoTest", "echoes"), result("9.1", "sockets.step9.EchoTest", "sizes"),
                result("9.1", "sockets.step9.EchoTest", "fromBase"), result("9.1", "sockets.step9.EchoTest$NotAnnotated", "inherits"),
                result("9.2", "sockets.step9.EchoTest", "closes"));
        Files.createDirectories(step.resolve(GradeListener.RESULTS).getParent());
        Files.write(step.resolve(GradeListener.RESULTS), recorded.stream().map(TestResult::toLine).toList(), StandardCharsets.UTF_8);
        SurefireReportsTest.writeReport(step, "sockets.step9.EchoTest", recorded);

        Grade.Step graded = Grade.ofStep(step);
        assertEquals(Grade.Status.PASSED, graded.exercises().get(0).status());
        Grade.Scored close = graded.exercises().get(1);
        assertEquals(Grade.Status.FAILED, close.status(), "9.2's nested test vanished from both records");
        assertEquals("EchoTest.Later.drains", close.failedTest());
        assertEquals(Grade.DID_NOT_RUN, close.failure());
    }

    private static TestResult result(String exercise, String type, String method) {
        return new TestResult(exercise, TestResult.Status.PASSED, method, "", "sockets.step9.EchoTest", method, type + "#" + method);
    }

    @Test
    @DisplayName("scores a step 0 when its code breaks a rule, and the table names the rule")
    void rejected() throws IOException {
        Path module = step.resolve("step9-sample");
        Compiled.main(module, "sockets/step9/Forger.java", """
                package sockets.step9;
                public class Forger {
                    static { Runtime.getRuntime().addShutdownHook(new Thread(Forger::forge)); }
                    static void forge() {
                        try { java.nio.file.Files.writeString(java.nio.file.Path.of("target/grade/results.tsv"), ""); }
                        catch (java.io.IOException e) { }
                    }
                }
                """);
        Files.createDirectories(module.resolve("src/test/resources"));
        Files.writeString(module.resolve(ExerciseCatalog.FILE), "9.1 | 2 | Echo | h\n", StandardCharsets.UTF_8);
        Grade.Step graded = Grade.ofStep(module);
        assertEquals(Grade.Status.REJECTED, graded.exercises().getFirst().status());
        String table = GradeTable.text(new Grade(List.of(graded)));
        assertTrue(table.contains("0/2  rejected"), table);
        assertTrue(table.contains("        rule:   sockets.step9.Forger calls java.nio.file.Files.writeString (Forger.java:5):"
                + " student code may not write files\n"), table);
        assertTrue(new Grade(List.of(graded)).verdict().orElseThrow().contains("step9-sample: " + Grade.REJECTED));
    }
}
