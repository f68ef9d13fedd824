package sockets.step4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.Exercise;

@Exercise("4.5")
@Timeout(value = 15, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@DisplayName("The outbox: one writer, a bounded queue")
class OutboxTest {

    private static final int HOUR = 3_600_000;
    /** 2,000 characters: 4,064 bytes as the outbox counts them. */
    private static final String LINE = "q".repeat(2000);

    @Test
    @DisplayName("sends each line as it comes, in order for each of three senders at once")
    void inOrder() throws Exception {
        try (ClientEnd end = ClientEnd.open()) {
            Outbox outbox = end.outbox(HOUR);
            List<CompletableFuture<Void>> senders = new ArrayList<>();
            for (String who : List.of("a", "b", "c")) {
                senders.add(TestServer.asyncRun(() -> {
                    for (int i = 0; i < 500; i++) {
                        assertTrue(outbox.send(who + " " + i), "a reading client takes every line");
                    }
                }));
            }
            int[] next = new int[3];
            for (int n = 0; n < 1500; n++) {
                String line = end.readLine();
                if (line == null) {
                    throw new AssertionError("the connection ended after " + n + " of 1500 lines");
                }
                String[] parts = line.split(" ");
                int sender = parts[0].charAt(0) - 'a';
                assertEquals(next[sender]++, Integer.parseInt(parts[1]), "lines of one sender arrive in the order sent: " + line);
            }
            for (CompletableFuture<Void> sender : senders) {
                ClientEnd.within5s(sender);
            }
        }
    }

    @Test
    @DisplayName("a client that does not read: send() waits once MAX_BYTES wait, and holds no more; reading releases it")
    void sendWaitsWhenFull() throws Exception {
        try (ClientEnd end = ClientEnd.open()) {
            Outbox outbox = end.outbox(HOUR);
            int count = 3_000; // 12 MB: far more than the outbox and every buffer on the way
            AtomicLong mostWaiting = new AtomicLong();
            Thread[] sender = new Thread[1];
            var sent = ClientEnd.onThread(sender, () -> {
                for (int i = 0; i < count; i++) {
                    if (!outbox.send(i + LINE)) {
                        return false;
                    }
                    mostWaiting.accumulateAndGet(outbox.waitingBytes(), Math::max);
                }
                return true;
            });
            ClientEnd.awaitWaiting(sender[0], () -> outbox.waitingBytes() >= Outbox.MAX_BYTES);
            assertFalse(sent.isDone(), "the client reads nothing: the sender must wait for room");
            assertTrue(mostWaiting.get() <= Outbox.MAX_BYTES + WaitingLines.cost(count + LINE),
                    "held " + mostWaiting.get() + " bytes; at most MAX_BYTES and one line");
            for (int i = 0; i < count; i++) {
                assertEquals(i + LINE, end.readLine(), "line " + i + ": once the client reads, everything arrives in order");
            }
            assertTrue(ClientEnd.within5s(sent), "every line was taken");
        }
    }

    @Test
    @DisplayName("a client that reads nothing for the stall time is disconnected; the waiting sender hears false")
    void stalledClientDropped() throws Exception {
        try (ClientEnd end = ClientEnd.open()) {
            Outbox outbox = end.outbox(200);
            long mostWaiting = 0;
            int taken = 0;
            while (outbox.send(taken + LINE)) { // exit: the outbox gave up on the client
                taken++;
                mostWaiting = Math.max(mostWaiting, outbox.waitingBytes());
                assertTrue(taken < 10_000, "40 MB taken for a client that never reads: send() must wait, then give up");
            }
            assertTrue(outbox.dropped() && outbox.notReading(), "dropped for not reading");
            assertTrue(mostWaiting <= Outbox.MAX_BYTES + WaitingLines.cost(taken + LINE), "held " + mostWaiting + " bytes");
            assertEquals(0, outbox.waitingBytes(), "nothing is held for a client that is gone");
            assertFalse(outbox.send("after"), "nothing is taken for a dropped client");
            assertThrowsOrEnds(end);
        }
    }

    @Test
    @DisplayName("a client that reads as fast as it can is never dropped, however far the sender runs ahead")
    void fastReaderKept() throws Exception {
        try (ClientEnd end = ClientEnd.open()) {
            Outbox outbox = end.outbox(5_000);
            int count = 20_000;
            var sent = TestServer.async(() -> {
                for (int i = 0; i < count; i++) {
                    if (!outbox.send(i + " " + "f".repeat(100))) {
                        return i;
                    }
                }
                return count;
            });
            for (int i = 0; i < count; i++) {
                assertEquals(i + " " + "f".repeat(100), end.readLine(), "line " + i);
            }
            assertEquals(count, ClientEnd.within5s(sent), "every line taken");
            assertFalse(outbox.dropped(), "a reader is never dropped for being slower than its sender");
        }
    }

    @Test
    @DisplayName("the limits are exact: a full outbox holds MAX_BYTES, not a line more, and the notice room exactly its size")
    void limitsAreExact() throws Exception {
        String line = "e".repeat(992); // 2,048 bytes as counted: 32 lines are MAX_BYTES, 8 the notice room
        assertEquals(0, Outbox.MAX_BYTES % WaitingLines.cost(line) + Outbox.NOTICE_ROOM_BYTES % WaitingLines.cost(line));
        try (ClientEnd end = ClientEnd.open()) {
            Outbox outbox = end.outbox(HOUR);
            AtomicLong mostSent = new AtomicLong();
            Thread[] sender = new Thread[1];
            var sent = ClientEnd.onThread(sender, () -> {
                while (outbox.send(line)) { // The client never reads.
                    mostSent.accumulateAndGet(outbox.waitingBytes(), Math::max);
                }
                return false;
            });
            ClientEnd.awaitWaiting(sender[0], () -> outbox.waitingBytes() >= Outbox.MAX_BYTES);
            assertEquals(Outbox.MAX_BYTES, mostSent.get(), "send() waits once MAX_BYTES wait - exactly MAX_BYTES is full");
            long mostTold = 0;
            for (int i = 0; i < 20_000 && !outbox.dropped(); i++) {
                outbox.tell(line);
                mostTold = Math.max(mostTold, outbox.waitingBytes());
            }
            assertTrue(outbox.dropped(), "notices for a client that never reads: dropped once the notice room is full");
            assertEquals(Outbox.MAX_BYTES + Outbox.NOTICE_ROOM_BYTES, mostTold,
                    "a notice is taken while less than MAX_BYTES + NOTICE_ROOM_BYTES wait, never beyond");
            assertFalse(ClientEnd.within5s(sent), "the waiting sender hears the client is gone");
        }
    }

    @Test
    @DisplayName("tell() never waits: notices go beyond a full outbox, into the notice room; past it the client is dropped")
    void tellNeverWaits() throws Exception {
        try (ClientEnd end = ClientEnd.open()) {
            Outbox outbox = end.outbox(HOUR);
            Thread[] sender = new Thread[1];
            var sent = ClientEnd.onThread(sender, () -> {
                while (outbox.send(LINE)) {
                    // Fill it: the client never reads.
                }
                return false;
            });
            ClientEnd.awaitWaiting(sender[0], () -> outbox.waitingBytes() >= Outbox.MAX_BYTES);
            outbox.tell("* a notice");
            assertFalse(outbox.dropped(), "a notice is taken beyond MAX_BYTES, into the notice room");
            long mostWaiting = 0;
            for (int i = 0; i < 20_000 && !outbox.dropped(); i++) {
                outbox.tell("* " + "n".repeat(2000)); // From the test's thread: it must return at once, every time.
                mostWaiting = Math.max(mostWaiting, outbox.waitingBytes());
            }
            assertTrue(outbox.dropped() && outbox.notReading(), "40 MB of notices for a client that never reads: dropped");
            assertTrue(mostWaiting <= Outbox.MAX_BYTES + Outbox.NOTICE_ROOM_BYTES + WaitingLines.cost(LINE), "held " + mostWaiting);
            assertFalse(ClientEnd.within5s(sent), "the waiting sender hears the client is gone");
        }
    }

    @Test
    @DisplayName("finish(): what waits and the last line go out, then end of stream; nothing is taken after")
    void finishSendsThenEnds() throws Exception {
        try (ClientEnd end = ClientEnd.open()) {
            Outbox outbox = end.outbox(HOUR);
            for (int i = 1; i <= 3; i++) {
                assertTrue(outbox.send("last words " + i));
            }
            outbox.finish("* bye");
            assertFalse(outbox.send("too late"), "nothing is taken once finishing");
            outbox.tell("* too late");
            for (int i = 1; i <= 3; i++) {
                assertEquals("last words " + i, end.readLine(), "finish() sends every line waiting first");
            }
            assertEquals("* bye", end.readLine(), "then the last line");
            assertNull(end.readLine(), "then end of stream: the writer half-closed");
            outbox.awaitWriter(5_000);
        }
    }

    @Test
    @DisplayName("finish() releases a sender waiting for room: it hears false at once")
    void finishReleasesSender() throws Exception {
        try (ClientEnd end = ClientEnd.open()) {
            Outbox outbox = end.outbox(HOUR);
            Thread[] sender = new Thread[1];
            var sent = ClientEnd.onThread(sender, () -> {
                while (outbox.send(LINE)) {
                    // Fill it: the client never reads.
                }
                return "released";
            });
            ClientEnd.awaitWaiting(sender[0], () -> outbox.waitingBytes() >= Outbox.MAX_BYTES);
            outbox.finish(null);
            assertEquals("released", ClientEnd.within5s(sent), "a sender waiting for room gives up when the outbox finishes");
        }
    }

    @Test
    @DisplayName("an interrupted sender stops waiting, sends nothing, and keeps its interrupt")
    void interruptedSender() throws Exception {
        try (ClientEnd end = ClientEnd.open()) {
            Outbox outbox = end.outbox(HOUR);
            AtomicBoolean stillInterrupted = new AtomicBoolean();
            Thread[] sender = new Thread[1];
            var sent = ClientEnd.onThread(sender, () -> {
                while (outbox.send(LINE)) {
                    // Fill it: the client never reads.
                }
                stillInterrupted.set(Thread.currentThread().isInterrupted());
                return outbox.dropped();
            });
            ClientEnd.awaitWaiting(sender[0], () -> outbox.waitingBytes() >= Outbox.MAX_BYTES);
            sender[0].interrupt();
            assertFalse(ClientEnd.within5s(sent), "interrupted while waiting: send() returns false, the client stays");
            assertTrue(stillInterrupted.get(), "the interrupt stays set for the caller to see");
        }
    }

    @Test
    @DisplayName("a write that fails (the client reset the connection) drops the client: send() says false")
    void failedWriteDrops() throws Exception {
        try (ClientEnd end = ClientEnd.open()) {
            Outbox outbox = end.outbox(HOUR);
            end.client().setSoLinger(true, 0);
            end.client().close(); // A reset, like a crashed client.
            ClientEnd.waitFor(() -> !outbox.send("anyone there?"), "send() to say false after the reset");
            assertTrue(outbox.dropped());
            assertFalse(outbox.notReading(), "a reset is a lost connection, not a client that does not read");
        }
    }

    /** The client's end: it reads what arrived, then end of stream or a reset. */
    private static void assertThrowsOrEnds(ClientEnd end) {
        try {
            while (end.reader().readLine() != null) {
                // What was sent before the drop.
            }
        } catch (IOException e) {
            // A reset: closed too.
        }
    }
}
