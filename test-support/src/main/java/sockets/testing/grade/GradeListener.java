package sockets.testing.grade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import sockets.testing.Exercise;
import sockets.testing.UnfinishedExercises;

/**
 * Records the outcome of every test with the {@link Exercise} it belongs to, in
 * {@code target/grade/results.tsv} of the module under test; {@link GradeReport} turns the
 * records into points. Registered with JUnit through {@code META-INF/services}.
 */
public final class GradeListener implements TestExecutionListener {

    /** Where the results go, relative to the module (Surefire runs tests in the module folder). */
    public static final Path RESULTS = Path.of("target", "grade", "results.tsv");

    /** How long a failed test's record waits for its background tasks to end (a stub's, say). */
    private static final long STUB_WAIT_MILLIS = 500;

    private TestPlan plan;
    private final Map<String, TestResult> results = new LinkedHashMap<>();

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        results.clear();
        UnfinishedExercises.watch();
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (id.isTest()) {
            UnfinishedExercises.forgetEarlier();
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        forEachTest(id, test -> record(test, TestResult.Status.SKIPPED, "skipped: " + reason));
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        String message = result.getThrowable().map(failure -> result.getStatus() == TestExecutionResult.Status.FAILED
                ? failureLine(failure, () -> UnfinishedExercises.hitMessageAfterTasks(STUB_WAIT_MILLIS)) : oneLine(failure)).orElse("");
        TestResult.Status status = switch (result.getStatus()) {
            case SUCCESSFUL -> TestResult.Status.PASSED;
            case ABORTED -> TestResult.Status.SKIPPED;
            case FAILED -> TestResult.Status.FAILED;
        };
        if (id.isTest()) {
            record(id, status, message);
        } else if (status != TestResult.Status.PASSED) {
            // A container that failed (say, in @BeforeAll) never ran its tests: they count as failed.
            forEachTest(id, test -> record(test, TestResult.Status.FAILED, message));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        List<String> lines = new ArrayList<>();
        for (TestResult result : results.values()) {
            lines.add(result.toLine());
        }
        try {
            Files.createDirectories(RESULTS.getParent());
            Files.write(RESULTS, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + RESULTS.toAbsolutePath(), e);
        }
    }

    private void record(TestIdentifier test, TestResult.Status status, String message) {
        // The first outcome of a test wins: a later container failure does not overwrite it.
        results.putIfAbsent(test.getUniqueId(), new TestResult(exerciseOf(test), status,
                displayPath(test), message, suiteOf(test), surefireName(test.getLegacyReportingName()), sourceOf(test)));
    }

    /**
     * "class#member" of the method or ArchUnit rule that holds the test - for a parameterized or
     * dynamic test, of the nearest one above it - as {@link ExpectedTests} names the course's tests.
     */
    private String sourceOf(TestIdentifier test) {
        for (Optional<TestIdentifier> at = Optional.of(test); at.isPresent(); at = plan.getParent(at.get())) {
            Optional<TestSource> source = at.get().getSource();
            if (source.isPresent() && source.get() instanceof MethodSource method) {
                return method.getClassName() + "#" + method.getMethodName();
            }
            if (source.isPresent() && !(source.get() instanceof ClassSource)) {
                try { // ArchUnit's rule fields come with a field source of its own: ask it by name
                    Object owner = source.get().getClass().getMethod("getClassName").invoke(source.get());
                    Object field = source.get().getClass().getMethod("getFieldName").invoke(source.get());
                    return owner + "#" + field;
                } catch (ReflectiveOperationException e) {
                    return "";
                }
            }
        }
        return "";
    }

    /** The class Surefire ran the test in, which names its XML report: the outermost class. */
    private String suiteOf(TestIdentifier test) {
        TestIdentifier top = test;
        for (Optional<TestIdentifier> parent = plan.getParent(top); parent.isPresent(); parent = plan.getParent(top)) {
            if (plan.getParent(parent.get()).isEmpty()) {
                break; // the parent is the engine itself: top is the class Surefire ran
            }
            top = parent.get();
        }
        return top.getSource().filter(ClassSource.class::isInstance)
                .map(source -> ((ClassSource) source).getClassName())
                .orElse(top.getLegacyReportingName());
    }

    /** Surefire's {@code <testcase name>}: JUnit's legacy name ("echoes()", "lines(int)[2]") less a final "()". */
    static String surefireName(String legacyName) {
        return legacyName.endsWith("()") ? legacyName.substring(0, legacyName.length() - 2) : legacyName;
    }

    private void forEachTest(TestIdentifier id, java.util.function.Consumer<TestIdentifier> action) {
        if (id.isTest()) {
            action.accept(id);
        }
        for (TestIdentifier child : plan.getChildren(id)) {
            forEachTest(child, action);
        }
    }

    /** "Echo server > after a client connects > echoes each line back". */
    private String displayPath(TestIdentifier test) {
        List<String> names = new ArrayList<>();
        for (Optional<TestIdentifier> at = Optional.of(test); at.isPresent(); at = plan.getParent(at.get())) {
            if (at.get().getSource().isPresent()) {
                names.addFirst(at.get().getDisplayName());
            }
        }
        return String.join(" > ", names);
    }

    /** The exercise id of the nearest {@link Exercise} on the test, its class or an outer class. */
    private String exerciseOf(TestIdentifier test) {
        for (Optional<TestIdentifier> at = Optional.of(test); at.isPresent(); at = plan.getParent(at.get())) {
            Optional<TestSource> source = at.get().getSource();
            if (source.isPresent()) {
                String found = exerciseOf(source.get());
                if (found != null) {
                    return found;
                }
            }
        }
        return TestResult.UNGRADED;
    }

    private static String exerciseOf(TestSource source) {
        try {
            if (source instanceof MethodSource method) {
                Class<?> type = load(method.getClassName());
                for (var candidate : type.getDeclaredMethods()) {
                    if (candidate.getName().equals(method.getMethodName()) && annotated(candidate) != null) {
                        return annotated(candidate);
                    }
                }
                return onClass(type);
            }
            if (source instanceof ClassSource type) {
                return onClass(type.getJavaClass());
            }
            // ArchUnit's rule fields come with a field source of its own: ask it by name.
            var fieldName = source.getClass().getMethod("getFieldName");
            var className = source.getClass().getMethod("getClassName");
            Class<?> type = load((String) className.invoke(source));
            String onField = annotated(type.getDeclaredField((String) fieldName.invoke(source)));
            return onField != null ? onField : onClass(type);
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            return null;
        }
    }

    private static String onClass(Class<?> type) {
        for (Class<?> at = type; at != null; at = at.getEnclosingClass()) {
            if (annotated(at) != null) {
                return annotated(at);
            }
        }
        return null;
    }

    private static String annotated(AnnotatedElement element) {
        Exercise exercise = element.getAnnotation(Exercise.class);
        return exercise == null ? null : exercise.value();
    }

    private static Class<?> load(String name) throws ClassNotFoundException {
        return Class.forName(name, false, Thread.currentThread().getContextClassLoader());
    }

    /**
     * The first line of a failure, which is what the grade table shows; for a test stopped by a
     * student-edition stub (on its thread or a thread it waited for), "stopped at the stub of "
     * and the stub's message.
     */
    /**
     * A failed test's record: {@link #oneLine}, unless a thread of the code under test stopped at
     * a stub ({@code stubHit}, null if none) while the test waited for it - a timeout, a read of
     * nothing: that stub is why, and it names what to do first.
     */
    static String failureLine(Throwable failure, Supplier<String> stubHit) {
        String line = oneLine(failure);
        if (line.startsWith(Stubs.STOPPED)) {
            return line;
        }
        String stub = stubHit.get();
        return stub == null ? line : Stubs.STOPPED + stub.strip().lines().findFirst().orElse("");
    }

    static String oneLine(Throwable failure) {
        String stub = Stubs.stubMessage(failure);
        if (stub != null) {
            return Stubs.STOPPED + stub;
        }
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            message = failure.getClass().getSimpleName();
        }
        // ArchUnit starts every message with the same prefix: keep the part that says what broke.
        String first = message.strip().lines().findFirst().orElse("");
        return first.replaceFirst("^Architecture Violation \\[Priority: [A-Z]+\\] - ", "");
    }
}
