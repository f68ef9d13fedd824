package sockets.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Stubber")
class StubberTest {

    private static final Exercises.Exercise ONE_ONE = new Exercises.Exercise("1.1", 2, "Find a free port", "bind to port 0");
    private static final Exercises.Exercise ONE_TWO = new Exercises.Exercise("1.2", 1, "Keep the \"base\"", "a \\ b");

    private static String stubbedPortFinder() {
        List<String> lines = CourseFixture.PORT_FINDER.lines().toList();
        List<String> problems = new ArrayList<>();
        List<SolutionRegion> regions = RegionScanner.scan("PortFinder.java", lines, problems);
        assertEquals(List.of(), problems);
        return String.join("\n", Stubber.stub(lines, regions, List.of(ONE_TWO, ONE_ONE))) + "\n";
    }

    @Test
    @DisplayName("replaces each region, tags included, by a TODO and a throw naming the exercise")
    void replacesRegions() {
        String stubbed = stubbedPortFinder();
        assertTrue(stubbed.contains("""
                    public static int freePort() {
                        // TODO Exercise 1.1 (2 points): Find a free port. Replace this throw with your code.
                        throw new UnsupportedOperationException("Exercise 1.1: Find a free port - bind to port 0");
                    }
                """), stubbed);
        assertFalse(stubbed.contains("secretPortNumberFromKernel"), "the solution must be gone:\n" + stubbed);
        assertFalse(stubbed.contains("solution-"), "the tags must be gone:\n" + stubbed);
        assertTrue(stubbed.contains("return \"unchanged helper\";"), "code outside regions stays");
    }

    @Test
    @DisplayName("escapes quotes and backslashes of the title and hint")
    void escapes() {
        String stubbed = stubbedPortFinder();
        assertTrue(stubbed.contains("(\"Exercise 1.2: Keep the \\\"base\\\" - a \\\\ b\");"), stubbed);
    }

    @Test
    @DisplayName("gives a file that compiles, for a method with a result and a constructor with a final field")
    void compiles(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("sockets/step1/PortFinder.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, stubbedPortFinder(), StandardCharsets.UTF_8);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, errors,
                "--release", "21", "-d", dir.resolve("classes").toString(), source.toString());
        assertEquals(0, status, "javac should accept the stubbed file: " + errors.toString(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("keeps the tag lines of a slide excerpt inside a region, around nothing")
    void keepsSlideTags() {
        List<String> lines = """
                void send() {
                    // tag::solution-1.1[]
                    prepare();
                    // tag::write-line[]
                    out.flush();
                    // end::write-line[]
                    // end::solution-1.1[]
                }
                """.lines().toList();
        List<SolutionRegion> regions = RegionScanner.scan("F.java", lines, new ArrayList<>());
        assertEquals(List.of("void send() {",
                "    // TODO Exercise 1.1 (2 points): Find a free port. Replace this throw with your code.",
                "    throw new UnsupportedOperationException(\"Exercise 1.1: Find a free port - bind to port 0\");",
                "    // tag::write-line[]",
                "    // end::write-line[]",
                "}"), Stubber.stub(lines, regions, List.of(ONE_ONE)));
    }
}
