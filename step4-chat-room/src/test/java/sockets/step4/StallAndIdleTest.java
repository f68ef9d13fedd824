package sockets.step4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.Exercise;
import sockets.testing.LoopbackClient;

@Exercise("4.8")
@Timeout(value = 15, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@DisplayName("Stalled readers and silent peers")
class StallAndIdleTest {

    @Test
    @DisplayName("a client that never reads is dropped once its writes stall, its partner told, memory bounded")
    void slowReaderDropped() throws Exception {
        try (TestServer chat = TestServer.withTimeouts(0, 300)) {
            LoopbackClient[] room = chat.pair("flooder", "sleeper");
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong mostQueued = new AtomicLong();
            String line = "z".repeat(4000);
            // Flood on another thread; the sleeper never reads. At most 64 MB, far beyond any buffers.
            var flood = TestServer.asyncRun(() -> {
                try {
                    for (int i = 0; i < 16_000 && !stop.get(); i++) {
                        room[0].send(line);
                        mostQueued.accumulateAndGet(chat.server.queuedBytes(), Math::max);
                    }
                } catch (IOException e) {
                    // The test ends the flood by closing the socket.
                }
            });
            try {
                room[0].expectLine(l -> l.equals("* sleeper left (was not reading, disconnected)"),
                        "'* sleeper left (was not reading, disconnected)' once writes to sleeper stalled for 300 ms");
            } finally {
                stop.set(true);
            }
            flood.get(5, TimeUnit.SECONDS);
            assertEquals(1, chat.server.clients(), "the sleeper was disconnected");
            assertTrue(mostQueued.get() > 0, "queuedBytes() should show what waited for the sleeper before it was dropped");
            long bound = ChatServer.OUTBOX_BYTES + Outbox.NOTICE_ROOM_BYTES;
            assertTrue(mostQueued.get() <= bound, "the server held " + mostQueued.get() + " bytes for a client that"
                    + " never reads; at most " + bound + " - does queue() wait while the outbox is full?");
            assertTrue(chat.log().contains("- sleeper left (was not reading, disconnected)"), chat.log());
        }
    }

    @Test
    @DisplayName("two partners who both flood and never read are both dropped, not stuck forever")
    void bothFloodNeitherReads() throws Exception {
        try (TestServer chat = TestServer.withTimeouts(0, 300)) {
            LoopbackClient[] room = chat.pair("alice", "bob");
            String line = "w".repeat(4000);
            for (LoopbackClient client : room) {
                TestServer.asyncRun(() -> {
                    try {
                        while (true) {
                            client.send(line);
                        }
                    } catch (IOException e) {
                        // Dropped by the server: the flood ends.
                    }
                });
            }
            RobustnessTest.waitFor(() -> chat.server.clients() == 0, "both to be dropped for not reading");
            // A session logs its departure just after leaving the lobby: wait for the log line too.
            RobustnessTest.waitFor(() -> chat.log().contains("left (was not reading, disconnected)"),
                    "the log to say a client was dropped for not reading");
        }
    }

    @Test
    @DisplayName("--idle-timeout: a client silent that long is disconnected, its partner told")
    void idleTimeout() throws Exception {
        try (TestServer chat = TestServer.withTimeouts(300, 15_000)) {
            LoopbackClient silent = chat.join("silent");
            assertTrue(silent.awaitClosed(), "a client silent for 300 ms is disconnected");
            assertTrue(chat.log().contains("- silent left (silent too long, disconnected)"), chat.log());
            assertEquals(0, chat.server.clients());
        }
    }

    @Test
    @DisplayName("by default: no idle timeout, and 15 s without progress before a reader is dropped")
    void defaults() {
        ChatServer.Settings settings = ChatServer.Settings.onLoopback();
        assertEquals(0, settings.idleTimeoutMillis(), "idle timeout off by default");
        assertEquals(15_000, settings.stallMillis(), "15 s before a client that reads nothing is dropped");
    }

    @Test
    @DisplayName("the watchdog's check drops only a client with lines waiting and no progress for the stall time")
    void dropIfStalled() throws Exception {
        try (ClientEnd end = ClientEnd.open()) {
            Outbox outbox = new Outbox(end.server(), 64 * 1024);
            assertFalse(outbox.dropIfStalled(0), "nothing waits for this client: it is idle, not stalled");
            assertTrue(outbox.queue("waiting"));
            assertFalse(outbox.dropIfStalled(TimeUnit.HOURS.toNanos(1)), "its line has waited less than an hour");
            assertTrue(outbox.dropIfStalled(0), "a line waited longer than a stall time of 0: dropped now");
            assertTrue(outbox.dropped());
            assertNull(end.readLine(), "a dropped client's connection is closed");
            assertFalse(outbox.dropIfStalled(0), "dropped once, not twice");
        }
    }

    @Test
    @DisplayName("a sender waiting for room in a stalled client's outbox is released when the client is dropped")
    void dropReleasesWaitingSender() throws Exception {
        try (ClientEnd end = ClientEnd.open()) {
            Outbox outbox = new Outbox(end.server(), 64 * 1024);
            var writer = end.busyWriter(outbox);
            Thread[] sender = new Thread[1];
            var queued = ClientEnd.onThread(sender, () -> outbox.queue("never"));
            ClientEnd.awaitWaiting(sender[0]);
            assertTrue(outbox.dropIfStalled(0), "the big line waits and the client reads nothing: dropped");
            assertFalse(ClientEnd.within5s(queued), "the waiting sender learns the client is gone");
            ClientEnd.within5s(writer);
            assertEquals(0, outbox.heldBytes(), "nothing is held for a dropped client");
        }
    }
}
