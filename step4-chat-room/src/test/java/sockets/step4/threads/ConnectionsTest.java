package sockets.step4.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.Background;
import sockets.testing.Exercise;

@Exercise("4.2")
@Timeout(value = 15, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@DisplayName("Shared state, guarded")
class ConnectionsTest {

    private static final int THREADS = 8;

    /** Runs {@code task} on {@link #THREADS} platform threads that start at the same moment; waits for all. */
    static void atOnce(java.util.function.IntConsumer task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int id = t;
            threads.add(Background.run(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                task.accept(id);
            }));
        }
        start.countDown();
        for (CompletableFuture<Void> thread : threads) {
            thread.get(10, TimeUnit.SECONDS); // Rethrows what went wrong in that thread.
        }
    }

    @Test
    @DisplayName("8 threads adding and removing at once: the count is exact, nothing is lost or thrown")
    void exactUnderChurn() throws Exception {
        Connections<Object> connections = new Connections<>(Integer.MAX_VALUE);
        AtomicInteger mostSeen = new AtomicInteger();
        atOnce(id -> {
            for (int i = 0; i < 20_000; i++) {
                Object connection = new Object();
                if (!connections.tryAdd(connection)) {
                    throw new AssertionError("tryAdd refused with no limit");
                }
                mostSeen.accumulateAndGet(connections.count(), Math::max);
                connections.remove(connection);
            }
        });
        assertEquals(0, connections.count(), "each thread removed all it added: a count above 0 means updates were lost"
                + " - is every change made under the lock?");
        assertTrue(mostSeen.get() <= THREADS, "at most one connection per thread is open at a time, but the count reached "
                + mostSeen.get());
    }

    @Test
    @DisplayName("8 threads adding 50,000 each at once: all 400,000 are counted (the tour's phase 5, five times)")
    void noAddLost() throws Exception {
        for (int round = 0; round < 5; round++) {
            Connections<Object> connections = new Connections<>(Integer.MAX_VALUE);
            atOnce(id -> {
                for (int i = 0; i < 50_000; i++) {
                    connections.tryAdd(new Object());
                }
            });
            assertEquals(400_000, connections.count(), "round " + round + ": adds were lost - is the list changed only under the lock?");
        }
    }

    @Test
    @DisplayName("never more than max, even when 8 threads race for the last places")
    void neverBeyondMax() throws Exception {
        for (int round = 0; round < 50; round++) {
            Connections<Object> connections = new Connections<>(10);
            AtomicInteger taken = new AtomicInteger();
            atOnce(id -> {
                for (int i = 0; i < 5; i++) {
                    if (connections.tryAdd(new Object())) {
                        taken.incrementAndGet();
                    }
                }
            });
            assertEquals(10, taken.get(), "round " + round + ": 40 tries for 10 places - check and add in one step, under the lock");
            assertEquals(10, connections.count());
        }
    }

    @Test
    @DisplayName("close() returns those open and refuses everyone after")
    void closeRefuses() {
        Connections<String> connections = new Connections<>(5);
        assertTrue(connections.tryAdd("alice"));
        assertTrue(connections.tryAdd("bob"));
        assertEquals(List.of("alice", "bob"), connections.close(), "close() returns the connections open now");
        assertFalse(connections.tryAdd("carol"), "after close() nobody is added: the server is shutting down");
        assertEquals(2, connections.count(), "closing refuses newcomers; it does not forget those open");
        connections.remove("alice");
        assertEquals(List.of("bob"), connections.snapshot());
    }

    @Test
    @DisplayName("awaitEmpty() waits for the last one to be removed, letting others add and remove meanwhile")
    void awaitEmptyWaits() throws Exception {
        Connections<String> connections = new Connections<>(5);
        connections.tryAdd("alice");
        var waiting = new CompletableFuture<Boolean>();
        Thread waiter = Thread.ofPlatform().daemon().start(() -> {
            try {
                waiting.complete(connections.awaitEmpty(10_000));
            } catch (InterruptedException | RuntimeException e) {
                waiting.completeExceptionally(e);
            }
        });
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (waiter.getState() != Thread.State.TIMED_WAITING && waiter.getState() != Thread.State.WAITING) {
            assertTrue(System.nanoTime() < end && !waiting.isDone(), "awaitEmpty() should wait while alice is there");
            Thread.onSpinWait();
        }
        // While it waits, the lock must be free: these calls would wait for ever otherwise.
        var others = Background.run(() -> {
            connections.tryAdd("bob");
            connections.remove("alice");
        });
        others.get(5, TimeUnit.SECONDS);
        assertThrows(TimeoutException.class, () -> waiting.get(200, TimeUnit.MILLISECONDS),
                "bob is still there: awaitEmpty() must go on waiting - a while loop around the wait, not an if");
        connections.remove("bob");
        assertTrue(waiting.get(5, TimeUnit.SECONDS), "the last one removed: awaitEmpty() returns true");
    }

    @Test
    @DisplayName("awaitEmpty() gives up at its deadline and says so")
    void awaitEmptyDeadline() throws Exception {
        Connections<String> connections = new Connections<>(5);
        connections.tryAdd("stays");
        assertFalse(connections.awaitEmpty(50), "one is still there after the deadline: false");
        assertTrue(new Connections<String>(5).awaitEmpty(0), "nothing open: true at once");
    }
}
