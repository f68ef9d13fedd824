package sockets.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs code with {@code System.out} captured, so a test can assert on what a tour printed. */
public final class CapturedOutput {

    /** Code that may throw, such as a {@code main}. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    private CapturedOutput() {}

    /** What {@code body} printed on {@code System.out}, UTF-8. */
    public static String of(Body body) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            body.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
