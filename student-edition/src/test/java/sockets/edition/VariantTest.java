package sockets.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Known-bad variant")
class VariantTest {

    private static final String FILE = "step1-basics/src/main/java/sockets/step1/PortFinder.java";

    @TempDir
    Path temp;
    Path course;

    @BeforeEach
    void writeCourse() throws IOException {
        course = CourseFixture.write(temp.resolve("course"));
    }

    private Variant.Applied apply(String spec) throws Exception {
        CourseFixture.file(temp, "fixed-port.variant", spec);
        return Variant.read(temp.resolve("fixed-port.variant")).applyTo(course);
    }

    @Test
    @DisplayName("edits the lines found, re-indented, and names the exercise of the region they are in")
    void applies() throws Exception {
        Variant.Applied applied = apply("""
                # A fixed port instead of port 0.
                file: %s
                --- find
                int secretPortNumberFromKernel = 40000 + 2;
                --- replace
                int secretPortNumberFromKernel = 5555;
                if (secretPortNumberFromKernel > 0) {
                    secretPortNumberFromKernel++;
                }
                --- end
                """.formatted(FILE));
        assertEquals(new Variant.Applied("step1-basics", Set.of("1.1")), applied);
        String source = CourseFixture.read(course, FILE);
        assertTrue(source.contains("""
                        // tag::solution-1.1[]
                        int secretPortNumberFromKernel = 5555;
                        if (secretPortNumberFromKernel > 0) {
                            secretPortNumberFromKernel++;
                        }
                        return secretPortNumberFromKernel;
                """), source);
    }

    @Test
    @DisplayName("deletes the lines found when the replacement is empty")
    void deletes() throws Exception {
        apply("file: %s\n--- find\n    return \"unchanged helper\";\n--- replace\n--- end\nexercise: 1.2\n".formatted(FILE));
        assertTrue(CourseFixture.read(course, FILE).contains("static String helper() {\n    }\n"), CourseFixture.read(course, FILE));
    }

    @Test
    @DisplayName("takes the exercise it is told, for an edit outside any region")
    void explicitExercise() throws Exception {
        Variant.Applied applied = apply("exercise: 1.2\nfile: %s\n--- find\nreturn \"unchanged helper\";\n--- replace\nreturn null;\n--- end\n".formatted(FILE));
        assertEquals(Set.of("1.2"), applied.exercises());
    }

    @Test
    @DisplayName("refuses an edit outside any region that names no exercise")
    void outsideRegion() {
        EditionException e = assertThrows(EditionException.class, () ->
                apply("file: %s\n--- find\nreturn \"unchanged helper\";\n--- replace\nreturn null;\n--- end\n".formatted(FILE)));
        assertTrue(e.getMessage().contains("is not inside a solution region: add 'exercise: N.k'"), e.getMessage());
    }

    @Test
    @DisplayName("says it is stale when the lines to find are gone or occur twice")
    void stale() {
        EditionException gone = assertThrows(EditionException.class, () ->
                apply("file: %s\n--- find\nint port = 5555;\n--- replace\n--- end\n".formatted(FILE)));
        assertTrue(gone.getMessage().contains("occur 0 times"), gone.getMessage());
        EditionException twice = assertThrows(EditionException.class, () ->
                apply("file: %s\n--- find\n}\n--- replace\n--- end\n".formatted(FILE)));
        assertTrue(twice.getMessage().contains("the solution changed: update the variant"), twice.getMessage());
    }

    @Test
    @DisplayName("refuses a malformed spec, naming the line")
    void malformed() {
        EditionException e = assertThrows(EditionException.class, () -> apply("--- find\nx\n--- replace\n--- end\n"));
        assertEquals("fixed-port.variant:1: say 'file: PATH' before '--- find'", e.getMessage());
        EditionException open = assertThrows(EditionException.class, () -> apply("file: %s\n--- find\nx\n".formatted(FILE)));
        assertEquals("fixed-port.variant:2: no '--- replace' after this block", open.getMessage());
    }

    @Test
    @DisplayName("the catalogue's own variants parse")
    void catalogueParses() throws Exception {
        try (var specs = java.nio.file.Files.newDirectoryStream(Path.of("variants"), "*.variant")) {
            for (Path spec : specs) {
                assertTrue(!Variant.read(spec).edits().isEmpty(), spec.toString());
            }
        }
    }
}
