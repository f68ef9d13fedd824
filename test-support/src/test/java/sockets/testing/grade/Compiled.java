package sockets.testing.grade;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** A step module on disk, compiled from sources written by a test: what the grade inspects. */
final class Compiled {

    private Compiled() {}

    /** Writes {@code sources} (path under the folder, then text, alternating) into {@code dir/folder} and compiles them into {@code dir/output}. */
    static void compile(Path dir, String folder, String output, String... sources) throws IOException {
        List<String> args = new ArrayList<>(List.of("-d", dir.resolve(output).toString(), "-g",
                "-cp", System.getProperty("java.class.path"), "-proc:none"));
        for (int i = 0; i < sources.length; i += 2) {
            Path file = dir.resolve(folder).resolve(sources[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, sources[i + 1], StandardCharsets.UTF_8);
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        int code = javac.run(null, null, new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                errors.write(b);
            }
        }, true, StandardCharsets.UTF_8), args.toArray(String[]::new));
        assertTrue(code == 0, "the test's sources do not compile:\n" + errors);
    }

    /** Main code of a step: {@code src/main/java} compiled into {@code target/classes}. */
    static void main(Path module, String... sources) throws IOException {
        compile(module, "src/main/java", "target/classes", sources);
    }
}
