package sockets.step5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import sockets.testing.Exercise;
import sockets.testing.LoopbackClient;

@Exercise("5.4")
@DisplayName("5.4 Back-pressure: a sender is read only while its lines have somewhere to go")
@Timeout(60)
@ExtendWith(StubFirst.class)
class BackPressureTest {

    /** More than the kernel's buffers hold between two clients on loopback (about 20 MB here). */
    private static final int FLOOD_LINES = 250_000;
    /** The most one client's outbox may hold: 64 KB, the notice room, and one longest line. */
    private static final long BOUND = Outbox.MAX_BYTES + Outbox.NOTICE_ROOM_BYTES + 3 * 4096 + 64;

    @Test
    @DisplayName("a flood into a partner who reads nothing: the server holds at most 64 KB or so; then every line arrives, in order")
    void boundedThenComplete() throws Exception {
        try (TestServer chat = TestServer.start()) {
            LoopbackClient[] room = chat.pair("alice", "bob");
            Flood flood = Flood.start(room[0].socket(), FLOOD_LINES);
            TestServer.waitFor(() -> chat.server.queuedBytes() >= Outbox.MAX_BYTES,
                    "bob's outbox to fill up (the kernel's buffers fill first)");
            for (int i = 0; i < 20; i++) {
                assertTrue(chat.server.queuedBytes() <= BOUND, "the server holds " + chat.server.queuedBytes()
                        + " bytes for a client that reads nothing - at most " + BOUND + ": is the sender still read"
                        + " while its partner's outbox is full?");
                LockSupport.parkNanos(10_000_000);
            }
            // Bob reads at last: every line, in order, and alice was never dropped.
            BufferedReader bob = Flood.reader(room[1]);
            for (int i = 0; i < FLOOD_LINES; i++) {
                String line = bob.readLine();
                assertEquals("<alice> " + Flood.line(i), line, "line " + i + " of the flood");
            }
            assertEquals(FLOOD_LINES, flood.done.get(5, TimeUnit.SECONDS));
            // The flood is over: nothing waits, and the loop sleeps again.
            TestServer.waitFor(() -> chat.server.queuedBytes() == 0, "bob's outbox to empty");
            long before = chat.server.turns();
            LockSupport.parkNanos(300_000_000L);
            long turns = chat.server.turns() - before;
            assertTrue(turns < 20, "after the flood the loop turned " + turns + " times in 300 ms with nothing to"
                    + " write - is OP_WRITE turned off once everything is sent?");
        }
    }

    @Test
    @DisplayName("a partner who reads as fast as it can is never dropped, however fast the other floods")
    void fastReaderKeepsUp() throws Exception {
        try (TestServer chat = TestServer.withTimeouts(0, 500)) {
            LoopbackClient[] room = chat.pair("alice", "bob");
            int lines = 100_000;
            Flood flood = Flood.start(room[0].socket(), lines);
            BufferedReader bob = Flood.reader(room[1]);
            for (int i = 0; i < lines; i++) {
                assertEquals("<alice> " + Flood.line(i), bob.readLine(), "line " + i + " of the flood");
            }
            assertEquals(lines, flood.done.get(5, TimeUnit.SECONDS));
            room[0].send("still here?");
            assertEquals("<alice> still here?", bob.readLine());
        }
    }

    @Test
    @DisplayName("a client that reads nothing for the stall time is dropped; its partner is told")
    void stalledReaderDropped() throws Exception {
        try (TestServer chat = TestServer.withTimeouts(0, 500)) {
            LoopbackClient[] room = chat.pair("alice", "bob");
            Flood.start(room[0].socket(), FLOOD_LINES);
            room[0].expectLine(line -> line.equals("* bob left (was not reading, disconnected)"),
                    "'* bob left (was not reading, disconnected)' at alice within 5 s (stall time 0.5 s)");
            TestServer.waitFor(() -> chat.log().contains("- bob left (was not reading, disconnected)"),
                    "the log line '- bob left (was not reading, disconnected)'");
        }
    }

    @Test
    @DisplayName("one room's flood into a reader that is asleep does not hold up another room")
    void roomsIsolated() throws Exception {
        try (TestServer chat = TestServer.start()) {
            LoopbackClient[] stalled = chat.pair("alice", "bob");
            LoopbackClient[] live = chat.pair("carol", "dave");
            Flood.start(stalled[0].socket(), FLOOD_LINES);
            TestServer.waitFor(() -> chat.server.queuedBytes() >= Outbox.MAX_BYTES, "bob's outbox to fill up");
            for (int i = 0; i < 100; i++) {
                live[0].send("ping " + i);
                assertEquals("<carol> ping " + i, live[1].readLine(),
                        "the other room must go on while bob sleeps - does a write wait for a slow reader?");
                live[1].send("pong " + i);
                assertEquals("<dave> pong " + i, live[0].readLine());
            }
        }
    }
}
