package sockets.testing;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Notices when code under test runs into an exercise's stub (the student edition's
 * {@code throw new UnsupportedOperationException("Exercise N.k: ...")}) on a thread the test
 * does not own - a server's, a chat's keyboard thread. A test waiting for that thread's output
 * then fails at once, naming the exercise, instead of after its deadline with "nothing arrived":
 * quicker to read for a student, and seconds less per test for an unfinished edition.
 * <p>
 * Only stubs count, so finished code is never affected; {@link #forgetEarlier()} runs before each
 * test (the grade listener calls it), so a stub hit by one test does not fail the next.
 */
public final class UnfinishedExercises {

    /** The message every stub throws with (see the student-edition tool's Stubber). */
    private static final Pattern STUB_MESSAGE = Pattern.compile("Exercise \\d+\\.\\d+: .*", Pattern.DOTALL);
    private static final AtomicReference<UnsupportedOperationException> hit = new AtomicReference<>();
    /** The current test's background tasks ({@link Background#supply}): their failures are theirs to keep. */
    private static final Set<CompletableFuture<?>> tasks = ConcurrentHashMap.newKeySet();

    /** Thrown in the waiting test: the code it waits for stopped at a stub. */
    public static final class StubHit extends AssertionError {
        StubHit(UnsupportedOperationException stub) {
            super("a thread of the code under test stopped at an unfinished exercise: " + stub.getMessage(), stub);
        }
    }

    private UnfinishedExercises() {}

    /**
     * From now on, a thread that ends by an uncaught stub is remembered; it is still printed as
     * the JVM prints any uncaught exception. Any other uncaught exception is printed only.
     */
    public static synchronized void watch() {
        if (Thread.getDefaultUncaughtExceptionHandler() instanceof Recorder) {
            return;
        }
        Thread.setDefaultUncaughtExceptionHandler(new Recorder(Thread.getDefaultUncaughtExceptionHandler()));
    }

    /** A new test starts: stubs hit before it are none of its business. */
    public static void forgetEarlier() {
        hit.set(null);
        tasks.clear();
    }

    /** A background task of the current test: a stub that ends it counts as hit. */
    public static void watchTask(CompletableFuture<?> task) {
        tasks.add(task);
        task.whenComplete((result, failure) -> notice(failure));
    }

    /** The message of the stub a thread stopped at since the test started, or null. */
    public static String hitMessage() {
        UnsupportedOperationException stub = hit.get();
        return stub == null ? null : stub.getMessage();
    }

    /**
     * {@link #hitMessage()} once the test's background tasks have ended, or {@code millis} passed: a
     * task at a stub closes its sockets before its future fails, so its test can fail first.
     */
    public static String hitMessageAfterTasks(long millis) {
        if (hit.get() == null && !tasks.isEmpty()) {
            try {
                CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new)).get(millis, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // A task failed (read below), or runs on: a server the test left serving.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (CompletableFuture<?> task : tasks) {
                if (task.isCompletedExceptionally()) {
                    notice(task.exceptionNow()); // its own callback may not have run yet
                }
            }
        }
        return hitMessage();
    }

    /** Fails with {@link StubHit} if a thread stopped at a stub since the test started. */
    public static void failIfHit() {
        UnsupportedOperationException stub = hit.get();
        if (stub != null) {
            throw new StubHit(stub);
        }
    }

    /**
     * Remembers {@code failure} (or one of its causes) if it is a stub: for a task whose failure no
     * thread's end reports - a {@code CompletableFuture}'s ({@link Background#supply}). Null: nothing.
     */
    public static void notice(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnsupportedOperationException stub && stub.getMessage() != null
                    && STUB_MESSAGE.matcher(stub.getMessage()).matches()) {
                hit.compareAndSet(null, stub);
                return;
            }
        }
    }

    private record Recorder(Thread.UncaughtExceptionHandler before) implements Thread.UncaughtExceptionHandler {
        @Override
        public void uncaughtException(Thread thread, Throwable e) {
            notice(e);
            if (before != null) {
                before.uncaughtException(thread, e);
            } else {
                // What the JVM prints without a handler (ThreadGroup's would call us again).
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                e.printStackTrace(System.err);
            }
        }
    }
}
