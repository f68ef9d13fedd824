package sockets.step4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.Exercise;
import sockets.testing.LoopbackClient;

/**
 * Not graded but for the shutdown under traffic (4.8): the bounds hold through code of exercises 4.1-4.7, whose
 * own tests grade them, and through given code (the defaults, the idle timeout); a mistake in 4.5 must cost
 * 4.5's points, not 4.8's. They must pass all the same.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@DisplayName("Bounded, whatever clients do")
class BoundsTest {

    @Test
    @DisplayName("one room's flood into a partner that never reads does not hold up another room")
    void roomsIsolated() throws Exception {
        try (TestServer chat = TestServer.start()) {
            LoopbackClient[] flooded = chat.pair("flooder", "sleeper");
            LoopbackClient[] quiet = chat.pair("alice", "bob");
            String line = "f".repeat(4000);
            java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
            var flood = TestServer.asyncRun(() -> {
                try {
                    while (true) {
                        flooded[0].send(line); // Blocks once every buffer on the way is full: that is the point.
                        sent.incrementAndGet();
                    }
                } catch (IOException e) {
                    // The test closed the flooder.
                }
            });
            RobustnessTest.waitFor(() -> sent.get() >= 300, "1.2 MB of flood to be on its way");
            for (int i = 0; i < 20; i++) {
                quiet[0].send("ping " + i);
                quiet[1].expectLine(l -> l.startsWith("<alice> ping"), "alice's line while the other room floods");
                quiet[0].send("/who");
                quiet[0].expectLine(l -> l.startsWith("* you are alice"), "a /who answer while the other room floods");
            }
            flooded[1].close(); // The sleeper first: the server's write to it then fails at once.
            flooded[0].close();
            flood.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    @DisplayName("--max-clients: the refused get '! server is full', and a slot freed is a slot to take")
    void maxClients() throws Exception {
        try (TestServer chat = TestServer.start(4096, 2)) {
            LoopbackClient[] room = chat.pair("walt", "vera");
            for (int i = 0; i < 5; i++) {
                LoopbackClient refused = chat.connect();
                assertEquals("! server is full - try again later", refused.readLine());
                assertTrue(refused.awaitClosed(), "a refused client is closed");
            }
            room[0].send("/quit");
            assertTrue(room[0].awaitClosed(), "walt leaves");
            room[0].close();
            RobustnessTest.waitFor(() -> chat.server.connections() == 1, "the refused and walt to be released");
            chat.join("next");
        }
    }

    @Exercise("4.8")

    @Test
    @DisplayName("shutdown while two rooms flood: everyone is told, every connection ends, in bounded time")
    void shutdownUnderTraffic() throws Exception {
        try (TestServer chat = TestServer.start()) {
            List<LoopbackClient[]> rooms = List.of(chat.pair("a1", "b1"), chat.pair("a2", "b2"));
            CountDownLatch flowing = new CountDownLatch(2);
            List<CompletableFuture<Boolean>> readers = new ArrayList<>();
            for (LoopbackClient[] room : rooms) {
                TestServer.asyncRun(() -> {
                    try {
                        while (true) {
                            room[0].send("x".repeat(200));
                        }
                    } catch (IOException e) {
                        // The server closed the connection: the flood ends.
                    }
                });
                readers.add(TestServer.async(() -> readUntilClosed(room[1], flowing)));
            }
            assertTrue(flowing.await(5, TimeUnit.SECONDS), "both floods should be flowing");
            assertTrue(chat.server.shutdown(), "shutdown does the work");
            for (CompletableFuture<Boolean> told : readers) {
                assertTrue(told.get(10, TimeUnit.SECONDS), "every reader got '* server is shutting down' before the end");
            }
            RobustnessTest.waitFor(() -> chat.server.connections() == 0, "every connection to end");
        }
    }


    @Test
    @DisplayName("a client that never reads is dropped once its writes stall, its partner told, memory bounded - the kernel's too")
    void slowReaderDropped() throws Exception {
        // A stall time of 1 s: the window in which the sampler below sees the sleeper's full outbox.
        try (TestServer chat = TestServer.withTimeouts(0, 1000)) {
            LoopbackClient[] room = chat.pair("flooder", "sleeper");
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong mostQueued = new AtomicLong();
            String line = "z".repeat(4000);
            // The flooder blocks in send() while the server waits for room, so it cannot sample then.
            var sampler = TestServer.asyncRun(() -> {
                while (!stop.get()) {
                    mostQueued.accumulateAndGet(chat.server.queuedBytes(), Math::max);
                    java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                }
            });
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
                        "'* sleeper left (was not reading, disconnected)' once writes to sleeper stalled for 1 s");
            } finally {
                stop.set(true);
            }
            flood.get(5, TimeUnit.SECONDS);
            sampler.get(5, TimeUnit.SECONDS);
            assertEquals(1, chat.server.clients(), "the sleeper was disconnected");
            assertTrue(mostQueued.get() > 0, "queuedBytes() should show what waited for the sleeper before it was dropped");
            long bound = Outbox.MAX_BYTES + WaitingLines.cost(line);
            assertTrue(mostQueued.get() <= bound, "the server held " + mostQueued.get() + " bytes for a client that"
                    + " never reads; at most " + bound + " - does send() wait while the outbox is full?");
            // Dropped: what the server had handed the kernel for it arrives now, then end of stream. The
            // kernel's share is bounded too: the server's send buffer (64 KB, doubled by Linux) and the
            // sleeper's own receive buffer - unbounded, Linux lets it grow to megabytes.
            long inKernel = 0;
            var in = room[1].socket().getInputStream();
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) != -1; ) {
                inKernel += n;
            }
            assertTrue(inKernel <= 512 * 1024, "the kernel held " + inKernel + " bytes for a client that never"
                    + " reads; at most 512 KB - does the server bound each client's send buffer (SO_SNDBUF)?");
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

    /**
     * The 500-room version of this, with the time a newcomer waits, is a phase of ./course bench
     * (benchmarks/README.md): a test asserts what happens, never how fast.
     */
    @Test
    @DisplayName("50 rooms whose senders flood partners that never read: a newcomer is welcomed, every stalled client dropped")
    void manyStalledRooms() throws Exception {
        int rooms = 50;
        try (TestServer chat = TestServer.withTimeouts(0, 500)) {
            List<java.net.Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < rooms; i++) {
                    java.net.Socket sleeper = stalledClient(chat);
                    sockets.add(sleeper);
                    readUntil(sleeper, "* waiting for a partner...");
                    java.net.Socket flooder = stalledClient(chat);
                    sockets.add(flooder);
                    readUntil(flooder, "* you are chatting with"); // From now on neither reads.
                }
                for (int i = 1; i < sockets.size(); i += 2) {
                    java.net.Socket flooder = sockets.get(i);
                    TestServer.asyncRun(() -> flood(flooder));
                }
                try (LoopbackClient newcomer = LoopbackClient.connect(chat.server.port())) {
                    // Its first line; after it, the newcomer may well be paired with a flooder.
                    assertTrue(newcomer.readLine().startsWith("* welcome"), "a welcome for a newcomer while 50 rooms are stalled");
                }
                // Each drop takes the stall time, and a dropped client's partner floods the next one it is paired with.
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (chat.server.connections() > 0) {
                    assertTrue(System.nanoTime() < end, chat.server.connections() + " clients still connected after 30 s");
                    java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
                }
            } finally {
                for (java.net.Socket socket : sockets) {
                    socket.close();
                }
            }
        }
    }

    /** A raw client that never reads, with small buffers so that the kernel holds little for it. */
    private static java.net.Socket stalledClient(TestServer chat) throws IOException {
        java.net.Socket socket = new java.net.Socket();
        socket.setReceiveBufferSize(8 * 1024);
        socket.setSendBufferSize(8 * 1024);
        socket.connect(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), chat.server.port()), 5_000);
        return socket;
    }

    /** Reads the first lines of a raw client, up to the one starting with {@code start}. */
    private static void readUntil(java.net.Socket socket, String start) throws IOException {
        socket.setSoTimeout(5_000);
        var in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) { // exit: the server closed the connection, which fails below
            if (b != '\n') {
                line.append((char) b);
            } else if (line.toString().startsWith(start)) {
                return;
            } else {
                line.setLength(0);
            }
        }
        throw new AssertionError("no line starting with '" + start + "' before the connection ended");
    }

    /** Sends 4,000-byte lines until the server closes the connection. */
    private static void flood(java.net.Socket socket) {
        byte[] line = ("f".repeat(3999) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            while (true) {
                socket.getOutputStream().write(line);
            }
        } catch (IOException e) {
            // Dropped by the server, or closed by the test: the flood ends.
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


    private static boolean readUntilClosed(LoopbackClient client, CountDownLatch flowing) {
        try {
            java.io.BufferedReader reader = TestServer.fastReader(client);
            boolean told = false;
            int lines = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                if (++lines == 100) {
                    flowing.countDown();
                }
                told |= line.equals("* server is shutting down");
            }
            return told;
        } catch (IOException e) {
            return false;
        }
    }
}
