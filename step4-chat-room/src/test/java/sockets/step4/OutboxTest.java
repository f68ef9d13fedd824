package sockets.step4;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.Exercise;

@Exercise("4.5")
@Timeout(value = 15, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@DisplayName("An outbox for a client that never reads")
class OutboxTest {

    private static final int MAX_BYTES = 64 * 1024;

    @Test
    @DisplayName("queue() waits once it is full: 40 MB offered, never more than its limit held")
    void queueWaitsWhenFull() throws Exception {
        try (SimpleSocket listener = SimpleSocket.listen("127.0.0.1", 0);
                SimpleSocket neverReads = SimpleSocket.connect("127.0.0.1", listener.localPort(), 5_000, 4096);
                SimpleSocket toClient = listener.accept(4096)) {
            Outbox outbox = new Outbox(toClient, MAX_BYTES);
            AtomicLong mostHeld = new AtomicLong();
            String line = "q".repeat(2000);
            var sender = TestServer.async(() -> {
                for (int i = 0; i < 20_000; i++) {
                    if (!outbox.queue(line)) {
                        return i; // Dropped: the client is gone.
                    }
                    mostHeld.accumulateAndGet(outbox.heldBytes(), Math::max);
                }
                return 20_000;
            });
            // Once every buffer on the way is full, nothing moves: the watchdog's check then drops the client.
            RobustnessTest.waitFor(() -> sender.isDone() || outbox.dropIfStalled(TimeUnit.MILLISECONDS.toNanos(200)),
                    "the sender to be stuck and the client dropped");
            int queued = sender.get(5, TimeUnit.SECONDS);
            assertTrue(queued < 20_000, "all 40 MB were taken for a client that never reads - does queue() wait?");
            assertTrue(mostHeld.get() <= MAX_BYTES, "held " + mostHeld.get() + " bytes, limit " + MAX_BYTES);
            assertTrue(outbox.dropped(), "a client whose writes stalled is dropped");
        }
    }

    @Test
    @DisplayName("tell() never waits: past the notice room the client is dropped instead")
    void tellNeverWaits() throws Exception {
        try (SimpleSocket listener = SimpleSocket.listen("127.0.0.1", 0);
                SimpleSocket neverReads = SimpleSocket.connect("127.0.0.1", listener.localPort(), 5_000, 4096);
                SimpleSocket toClient = listener.accept(4096)) {
            Outbox outbox = new Outbox(toClient, MAX_BYTES);
            String notice = "* " + "n".repeat(2000);
            long mostHeld = 0;
            for (int i = 0; i < 20_000 && !outbox.dropped(); i++) {
                outbox.tell(notice); // From the test's thread: it must come back at once, every time.
                mostHeld = Math.max(mostHeld, outbox.heldBytes());
            }
            assertTrue(outbox.dropped(), "40 MB of notices for a client that never reads: it must be dropped");
            assertTrue(mostHeld <= MAX_BYTES + Outbox.NOTICE_ROOM_BYTES, "held " + mostHeld + " bytes");
            assertFalse(outbox.queue("after"), "nothing is queued for a dropped client");
        }
    }
}
