package sockets.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// A thread of its own, abandoned at the timeout: a socket read does not end when interrupted.
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@DisplayName("A thread that stops at an exercise's stub fails the waiting test at once")
class UnfinishedExercisesTest {

    private static final String STUB = "Exercise 3.7: The direct two-party chat - print each line";

    @BeforeEach
    void watch() {
        UnfinishedExercises.watch();
        UnfinishedExercises.forgetEarlier();
    }

    @AfterEach
    void forget() {
        UnfinishedExercises.forgetEarlier();
    }

    /** Runs {@code task} on a thread of its own and waits until that thread has ended. */
    private static void runToTheEnd(Runnable task) throws InterruptedException {
        Thread thread = Thread.ofPlatform().daemon().name("code under test").start(task);
        assertTrue(thread.join(Duration.ofSeconds(5)), "the thread ended");
    }

    @Test
    @DisplayName("a stub's exception on another thread: failIfHit names the exercise")
    void stubOnAnotherThread() throws Exception {
        runToTheEnd(() -> {
            throw new UnsupportedOperationException(STUB);
        });
        var failure = assertThrows(UnfinishedExercises.StubHit.class, UnfinishedExercises::failIfHit);
        assertTrue(failure.getMessage().endsWith(STUB), failure.getMessage());
    }

    @Test
    @DisplayName("a stub wrapped in another exception still counts")
    void wrappedStub() throws Exception {
        runToTheEnd(() -> {
            throw new IllegalStateException("wrapped", new UnsupportedOperationException(STUB));
        });
        assertThrows(UnfinishedExercises.StubHit.class, UnfinishedExercises::failIfHit);
    }

    @Test
    @DisplayName("any other exception, even an UnsupportedOperationException, is not a stub")
    void otherExceptionsDoNotCount() throws Exception {
        runToTheEnd(() -> {
            throw new UnsupportedOperationException("not supported here");
        });
        runToTheEnd(() -> {
            throw new IllegalStateException("Exercise 3.7: looks like a stub's text, is not one");
        });
        assertDoesNotThrow(UnfinishedExercises::failIfHit);
    }

    @Test
    @DisplayName("a failed test's record waits for its background task to end at a stub (which closed its sockets first)")
    void waitsForBackgroundTasks() {
        CountDownLatch go = new CountDownLatch(1);
        Background.run(() -> {
            try {
                go.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new UnsupportedOperationException(STUB);
        });
        Thread tester = Thread.currentThread();
        Thread.ofPlatform().daemon().start(() -> { // the task fails only once the record waits for it
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (tester.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            go.countDown();
        });
        assertEquals(STUB, UnfinishedExercises.hitMessageAfterTasks(5_000));
    }

    @Test
    @DisplayName("a stub hit before the test started is forgotten")
    void earlierHitsForgotten() throws Exception {
        runToTheEnd(() -> {
            throw new UnsupportedOperationException(STUB);
        });
        UnfinishedExercises.forgetEarlier();
        assertDoesNotThrow(UnfinishedExercises::failIfHit);
    }

    @Test
    @DisplayName("LoopbackClient.readLine fails at once, not at its deadline, when the server stopped at a stub")
    void readLineFailsAtOnce() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                LoopbackClient client = LoopbackClient.connect(listener.getLocalPort());
                Socket accepted = listener.accept()) {
            runToTheEnd(() -> {
                throw new UnsupportedOperationException(STUB); // The server's thread, before it answers.
            });
            // A wait beyond the test's timeout: only the stub can end it in time.
            var failure = assertThrows(UnfinishedExercises.StubHit.class, () -> client.readLine(Duration.ofSeconds(30)));
            assertTrue(failure.getMessage().endsWith(STUB), failure.getMessage());
            assertThrows(UnfinishedExercises.StubHit.class, client::awaitClosed, "awaitClosed does not hide it either");
        }
    }
}
