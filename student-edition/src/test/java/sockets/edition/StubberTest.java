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
                        // TODO Exercise 1.1 (2 points): Find a free port.
                        // Write the method's body here, in place of the throw.
                        // Stuck? The grade table's hint, then HINTS.md of this step, section 1.1.
                        throw new UnsupportedOperationException("Exercise 1.1: Find a free port");
                    }
                """), stubbed);
        assertFalse(stubbed.contains("secretPortNumberFromKernel"), "the solution must be gone:\n" + stubbed);
        assertFalse(stubbed.contains("solution-"), "the tags must be gone:\n" + stubbed);
        assertTrue(stubbed.contains("return \"unchanged helper\";"), "code outside regions stays");
    }

    @Test
    @DisplayName("escapes quotes and backslashes of the title")
    void escapes() {
        List<String> stub = Stubber.stubLines("", new Exercises.Exercise("1.2", 1, "Keep \"a\\b\"", "hint"), false);
        assertEquals("throw new UnsupportedOperationException(\"Exercise 1.2: Keep \\\"a\\\\b\\\"\");", stub.getLast());
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
    @DisplayName("puts the stub inside the first slide excerpt of a region, so the slide shows what is written there")
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
                "    // tag::write-line[]",
                "    // TODO Exercise 1.1 (2 points): Find a free port.",
                "    // Write the method's body here, in place of the throw (keep the tag lines around it).",
                "    // Stuck? The grade table's hint, then HINTS.md of this step, section 1.1.",
                "    throw new UnsupportedOperationException(\"Exercise 1.1: Find a free port\");",
                "    // end::write-line[]",
                "}"), Stubber.stub(lines, regions, List.of(ONE_ONE)));
    }

    @Test
    @DisplayName("keeps the other slide tags of a region, around nothing, after the first excerpt")
    void keepsOtherSlideTags() {
        List<String> lines = """
                void send() {
                    // tag::solution-1.1[]
                    // tag::a[]
                    prepare();
                    // end::a[]
                    // tag::b[]
                    out.flush();
                    // end::b[]
                    // end::solution-1.1[]
                }
                """.lines().toList();
        List<SolutionRegion> regions = RegionScanner.scan("F.java", lines, new ArrayList<>());
        List<String> stubbed = Stubber.stub(lines, regions, List.of(ONE_ONE));
        assertEquals(List.of("    // tag::a[]", "    // end::a[]", "    // tag::b[]", "    // end::b[]"),
                stubbed.stream().filter(line -> line.contains("::")).toList());
        assertEquals("    // end::a[]", stubbed.get(stubbed.indexOf("    // tag::a[]") + 5), stubbed.toString());
    }
}
