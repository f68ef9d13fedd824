package sockets.testing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Where tests run what must go on beside them (a server under test, a scripted peer): each task
 * on a daemon thread of its own. Not the common pool: on a 2-core machine it has one thread, so a
 * server left stuck by one failed test would hold up every later test's.
 */
public final class Background {

    /** Starts each task on a new daemon thread. */
    public static final Executor THREADS = task -> Thread.ofPlatform().daemon().name("test background").start(task);

    /**
     * Runs {@code task} on a thread of {@link #THREADS}; if a student-edition stub ends it, the
     * waiting test learns so ({@link UnfinishedExercises}) - a future keeps its failure to itself.
     */
    public static <T> CompletableFuture<T> supply(Supplier<T> task) {
        return watched(CompletableFuture.supplyAsync(task, THREADS));
    }

    /** {@link #supply} for a task without a result. */
    public static CompletableFuture<Void> run(Runnable task) {
        return watched(CompletableFuture.runAsync(task, THREADS));
    }

    private static <T> CompletableFuture<T> watched(CompletableFuture<T> future) {
        UnfinishedExercises.watchTask(future);
        return future;
    }

    private Background() {}
}
