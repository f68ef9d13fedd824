package sockets.testing.grade;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the grade learns from a step's compiled code before trusting its test results: the rules
 * its classes break ({@link CodeScan}; any one rejects the step) and the tests each exercise has
 * ({@link ExpectedTests}). {@code ./course grade} takes it between compiling and testing, when no
 * line of the student's code has run yet; a student's own build takes it at the end.
 */
public record Inspection(List<String> rejections, Map<String, Set<String>> expectedTests) {

    public static final Path CLASSES = Path.of("target", "classes");
    public static final Path TEST_CLASSES = Path.of("target", "test-classes");
    /** The student's part of a step: its classes compiled from here are judged by the scan's rules. */
    public static final Path SOURCES = Path.of("src", "main", "java");

    /** Nothing known: no rule checked, no test expected (a step that was never compiled). */
    public static final Inspection NONE = new Inspection(List.of(), Map.of());

    public static Inspection of(Path moduleDir) throws IOException {
        List<String> rejections = CodeScan.stepPackage(moduleDir)
                .map(pkg -> scan(moduleDir, pkg))
                .orElse(List.of());
        return new Inspection(rejections, ExpectedTests.of(moduleDir.resolve(TEST_CLASSES)));
    }

    private static List<String> scan(Path moduleDir, String stepPackage) {
        try {
            return CodeScan.violations(moduleDir.resolve(CLASSES), moduleDir.resolve(SOURCES), stepPackage, AllowedCalls.of(moduleDir));
        } catch (IOException e) {
            return List.of("the step's classes could not be read: " + e.getMessage());
        }
    }

    public boolean rejected() {
        return !rejections.isEmpty();
    }
}
