package sockets.step4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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

    @Test
    @DisplayName("queue() only queues: lines that fill it exactly are held until flush() sends them, in order")
    void queueHoldsUntilFlush() throws Exception {
        try (ClientEnd end = ClientEnd.open()) {
            String second = "x".repeat(431);
            // 64 bytes a line plus two a character: 74 + 926, the limit exactly.
            Outbox outbox = new Outbox(end.server(), 1000);
            assertTrue(outbox.queue("first"));
            assertTrue(outbox.queue(second), "a line that fits the limit exactly is taken at once");
            assertEquals(1000, outbox.heldBytes(), "both lines held, nothing sent yet - queue() must not send");
            outbox.flush();
            assertEquals(0, outbox.heldBytes(), "what was sent is no longer held");
            assertEquals("first", end.readLine());
            assertEquals(second, end.readLine(), "flush() sends every queued line, in order");
        }
    }

    @Test
    @DisplayName("when the outbox is full and nobody is sending, the sender sends what waits itself, then queues")
    void fullSenderWritesItself() throws Exception {
        try (ClientEnd end = ClientEnd.open()) {
            // Room for one line of 400 characters (864 bytes held), not two.
            Outbox outbox = new Outbox(end.server(), 1000);
            var sent = TestServer.async(() -> {
                for (int i = 0; i < 100; i++) {
                    if (!outbox.queue(String.format("%03d", i) + "f".repeat(397))) {
                        return false;
                    }
                }
                outbox.flush();
                return true;
            });
            for (int i = 0; i < 100; i++) {
                assertEquals(String.format("%03d", i) + "f".repeat(397), end.readLine(), "line " + i + ", in order");
            }
            assertTrue(ClientEnd.within5s(sent), "every line taken");
            assertEquals(0, outbox.heldBytes());
        }
    }

    @Test
    @DisplayName("tell() takes notices into the notice room beyond the limit, to the byte; one more drops the client")
    void noticeRoomExactly() throws Exception {
        try (ClientEnd end = ClientEnd.open()) {
            long huge = Outbox.LINE_OVERHEAD_BYTES + 2L * ClientEnd.HUGE.length();
            Outbox outbox = new Outbox(end.server(), (int) huge); // Full as soon as the big line is queued.
            end.busyWriter(outbox);
            // 64 + 2 x 8,160 bytes: the notice room exactly.
            outbox.tell("n".repeat((Outbox.NOTICE_ROOM_BYTES - Outbox.LINE_OVERHEAD_BYTES) / 2));
            assertFalse(outbox.dropped(), "a notice that fits the notice room exactly is taken");
            assertEquals(huge + Outbox.NOTICE_ROOM_BYTES, outbox.heldBytes());
            outbox.tell("");
            assertTrue(outbox.dropped(), "beyond the notice room the client is dropped, not waited for");
        }
    }

    @Test
    @DisplayName("a line bigger than the whole limit still goes out when nothing else waits")
    void oversizedLineWhenEmpty() throws Exception {
        try (ClientEnd end = ClientEnd.open()) {
            Outbox outbox = new Outbox(end.server(), 100);
            String big = "b".repeat(1000);
            assertTrue(outbox.queue(big), "an empty outbox takes any line the server accepted");
            outbox.flush();
            assertEquals(big, end.readLine());
        }
    }

    @Test
    @DisplayName("while the writer is stuck, one line more waits for room, then goes out after what came first")
    void senderWaitsForRoom() throws Exception {
        try (ClientEnd end = ClientEnd.open()) {
            Outbox outbox = new Outbox(end.server(), MAX_BYTES);
            var writer = end.busyWriter(outbox);
            Thread[] sender = new Thread[1];
            var queued = ClientEnd.onThread(sender, () -> {
                boolean taken = outbox.queue("after");
                outbox.flush();
                return taken;
            });
            ClientEnd.awaitWaiting(sender[0]);
            assertFalse(queued.isDone(), "the outbox holds far more than its limit: a sender must wait");
            // The client reads at last: room again, and the waiting line follows the big one.
            assertEquals(ClientEnd.HUGE.length() - 1, end.readLine().length());
            assertTrue(ClientEnd.within5s(queued), "once there is room the waiting line is taken");
            assertEquals("after", end.readLine());
            ClientEnd.within5s(writer);
        }
    }

    @Test
    @DisplayName("an interrupted sender stops waiting and sends nothing")
    void interruptedWhileWaiting() throws Exception {
        try (ClientEnd end = ClientEnd.open()) {
            Outbox outbox = new Outbox(end.server(), MAX_BYTES);
            end.busyWriter(outbox);
            AtomicBoolean stillInterrupted = new AtomicBoolean();
            Thread[] sender = new Thread[1];
            var queued = ClientEnd.onThread(sender, () -> {
                boolean taken = outbox.queue("never");
                stillInterrupted.set(Thread.currentThread().isInterrupted());
                return taken;
            });
            ClientEnd.awaitWaiting(sender[0]);
            sender[0].interrupt();
            assertFalse(ClientEnd.within5s(queued), "interrupted while waiting: the line is not taken");
            assertTrue(stillInterrupted.get(), "the interrupt stays set for the caller to see");
            assertEquals(Outbox.LINE_OVERHEAD_BYTES + 2L * ClientEnd.HUGE.length(), outbox.heldBytes(),
                    "only the big line is held");
        }
    }

    @Test
    @DisplayName("finish() sends what is queued, then closes the connection")
    void finishSendsThenCloses() throws Exception {
        try (ClientEnd end = ClientEnd.open()) {
            Outbox outbox = new Outbox(end.server(), MAX_BYTES);
            for (int i = 1; i <= 3; i++) {
                assertTrue(outbox.queue("last words " + i));
            }
            outbox.finish(5_000);
            for (int i = 1; i <= 3; i++) {
                assertEquals("last words " + i, end.readLine(), "finish() must send every queued line first");
            }
            assertNull(end.readLine(), "then the connection is closed");
            assertFalse(outbox.queue("too late"), "nothing is taken once finishing");
        }
    }

    @Test
    @DisplayName("finish() on a client that does not read: a waiting sender gives up at once, the socket closes in time")
    void finishGivesUp() throws Exception {
        try (ClientEnd end = ClientEnd.open()) {
            Outbox outbox = new Outbox(end.server(), MAX_BYTES);
            var writer = end.busyWriter(outbox);
            Thread[] sender = new Thread[1];
            var queued = ClientEnd.onThread(sender, () -> outbox.queue("never"));
            ClientEnd.awaitWaiting(sender[0]);
            var finished = TestServer.asyncRun(() -> outbox.finish(200));
            assertFalse(ClientEnd.within5s(queued), "a sender waiting for room gives up when the outbox finishes");
            ClientEnd.within5s(finished); // Within the 200 ms allowed, not when the client reads.
            ClientEnd.within5s(writer); // The socket was closed under the stuck writer.
            assertTrue(outbox.dropped(), "a client that read nothing in time is dropped");
        }
    }

    @Test
    @DisplayName("a write that fails (the client reset the connection) drops the client: queue() says false")
    void failedWriteDrops() throws Exception {
        try (ClientEnd end = ClientEnd.open()) {
            Outbox outbox = new Outbox(end.server(), MAX_BYTES);
            end.client().setSoLinger(true, 0);
            end.client().close(); // A reset, like a crashed client.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            int sent = 0;
            while (outbox.queue("anyone there? " + sent)) { // exit: the write failed and the client was dropped
                outbox.flush();
                sent++;
                assertTrue(System.nanoTime() < deadline, sent + " lines sent to a reset connection and it is not dropped");
            }
            assertTrue(outbox.dropped());
            assertEquals(0, outbox.heldBytes(), "nothing is held for a client that is gone");
        }
    }
}
