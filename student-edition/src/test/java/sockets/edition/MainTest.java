package sockets.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The tool's command line")
class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("a wrong command prints the usage and exits 2")
    void usage() {
        assertEquals(2, run("frobnicate"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("usage: "), err.toString());
    }

    @Test
    @DisplayName("a problem is one error line per problem and exit 1, no stack trace")
    void problem(@TempDir Path dir) {
        assertEquals(1, run("edition", dir.resolve("missing").toString(), dir.resolve("out").toString()));
        assertEquals("error: no such folder: " + dir.resolve("missing") + System.lineSeparator(), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("regions lists every solution region of a course")
    void regions(@TempDir Path dir) throws Exception {
        CourseFixture.write(dir);
        assertEquals(0, run("regions", dir.toString()));
        String file = "step1-basics/src/main/java/sockets/step1/PortFinder.java";
        assertEquals("1.2 " + file + ":7-9\n1.1 " + file + ":14-17\n", out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }

    @Test
    @DisplayName("copy leaves build output and instructor's tools behind")
    void copy(@TempDir Path dir) throws Exception {
        Path course = CourseFixture.write(dir.resolve("course"));
        assertEquals(0, run("copy", course.toString(), dir.resolve("copy").toString()));
        assertTrue(java.nio.file.Files.isRegularFile(dir.resolve("copy/step1-basics/src/main/java/sockets/step1/PortFinder.java")));
        assertTrue(java.nio.file.Files.notExists(dir.resolve("copy/step1-basics/target")));
        assertTrue(java.nio.file.Files.notExists(dir.resolve("copy/student-edition")));
    }
}
