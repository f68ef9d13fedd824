package sockets.step4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sockets.testing.Exercise;
import sockets.testing.LoopbackClient;

@Exercise("4.7")
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@DisplayName("Robust under load and churn")
class RobustnessTest {

    @Test
    @DisplayName("a partner who reads as fast as it can is never dropped, however fast the other floods")
    void fastReaderKeepsUp() throws Exception {
        try (TestServer chat = TestServer.start()) {
            LoopbackClient[] room = chat.pair("flooder", "reader");
            int count = 20_000;
            String padding = "-".repeat(100);
            StringBuilder burst = new StringBuilder();
            for (int i = 0; i < count; i++) {
                burst.append(i).append(padding).append('\n');
            }
            var flood = TestServer.asyncRun(() -> {
                try {
                    room[0].sendRaw(burst.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            java.io.BufferedReader reader = TestServer.fastReader(room[1]);
            for (int i = 0; i < count; i++) {
                String line = reader.readLine();
                assertEquals("<flooder> " + i + padding, line, "line " + i + " of the flood: lost, or the reader dropped?");
            }
            flood.get(5, TimeUnit.SECONDS);
            assertEquals(2, chat.server.clients(), "both still connected after the flood");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "messages while nobody is there,    20000, 100,  ! nobody is here yet - your message was not sent; wait for a partner",
        "over-long lines,                    3000, 5000, ! line too long (more than 4096 bytes) - not sent"})
    @DisplayName("a client that sends line after line, each answered with an error, gets every error and stays")
    void errorsAreRepliesNotNotices(String what, int count, int length, String error) throws Exception {
        try (TestServer chat = TestServer.start()) {
            LoopbackClient alone = chat.join();
            alone.expectLine(line -> line.equals("* waiting for a partner..."), "'* waiting for a partner...'");
            byte[] burst = ("x".repeat(length) + "\n").repeat(count).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            var flood = TestServer.asyncRun(() -> {
                try {
                    alone.sendRaw(burst);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            java.io.BufferedReader reader = TestServer.fastReader(alone);
            for (int i = 0; i < count; i++) {
                assertEquals(error, reader.readLine(), "reply " + i + " of " + count
                        + ": a client that reads its replies must get them all (null: it was disconnected)");
            }
            flood.get(5, TimeUnit.SECONDS);
            assertEquals(1, chat.server.clients(), "the client is still connected");
        }
    }


    @Test
    @DisplayName("a reset (SO_LINGER 0) in the middle of a line: the partner is told, the server goes on")
    void resetMidLine() throws Exception {
        try (TestServer chat = TestServer.start()) {
            LoopbackClient[] room = chat.pair("alice", "bob");
            room[0].sendRaw("half a li".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            room[0].socket().setSoLinger(true, 0);
            room[0].close();
            room[1].expectLine(line -> line.startsWith("* alice left"), "'* alice left' after a reset mid-line");
            waitFor(() -> chat.server.connections() == 1, "alice's connection to be released");
            LoopbackClient carol = chat.join("carol");
            carol.send("hello");
            room[1].expectLine(line -> line.equals("<carol> hello"), "bob is paired again and hears carol");
        }
    }

    @Test
    @DisplayName("a half-close after a line without LF: that line, then '* alice left'; alice gets '* bye'")
    void halfCloseMidLine() throws Exception {
        try (TestServer chat = TestServer.start()) {
            LoopbackClient[] room = chat.pair("alice", "bob");
            room[0].sendRaw("last words, no newline".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            room[0].halfClose();
            assertEquals("<alice> last words, no newline", room[1].expectLine(l -> l.startsWith("<"), "the last line"));
            assertEquals("* alice left", room[1].readLine(), "then the notice");
            room[0].expectLine(line -> line.equals("* bye"), "'* bye' for alice after her half-close");
            assertTrue(room[0].awaitClosed(), "then the server closes");
        }
    }

    @Test
    @DisplayName("both partners quitting at once: both get '* bye', and nobody is left paired with a ghost")
    void bothQuitAtOnce() throws Exception {
        try (TestServer chat = TestServer.start()) {
            LoopbackClient[] room = chat.pair("alice", "bob");
            var aliceQuits = TestServer.asyncRun(() -> send(room[0], "/quit"));
            var bobQuits = TestServer.asyncRun(() -> send(room[1], "/quit"));
            aliceQuits.get(5, TimeUnit.SECONDS);
            bobQuits.get(5, TimeUnit.SECONDS);
            for (LoopbackClient client : room) {
                client.expectLine(line -> line.equals("* bye"), "'* bye' for each of the two");
                assertTrue(client.awaitClosed(), "each of the two is closed");
            }
            waitFor(() -> chat.server.clients() == 0, "both to be gone");
            // Whoever left second was put back in the waiting line for a moment: it must be out of it.
            LoopbackClient carol = chat.join("carol");
            assertTrue(carol.seen().contains("* waiting for a partner..."), "carol must wait, not meet a ghost: " + carol.seen());
            LoopbackClient dave = chat.join("dave");
            assertTrue(dave.seen().contains("* you are chatting with carol - say hello"), "dave is paired with carol: " + dave.seen());
        }
    }

    @Test
    @DisplayName("1,000 connect/close cycles leave no descriptor, connection or thread behind")
    void noLeaks() throws Exception {
        try (TestServer chat = TestServer.start()) {
            LoopbackClient keeper = chat.join("keeper");
            long descriptors = openDescriptors();
            int threads = ManagementFactory.getThreadMXBean().getThreadCount();
            for (int i = 0; i < 1_000; i++) {
                try (LoopbackClient client = LoopbackClient.connect(chat.server.port())) {
                    client.expectLine(line -> line.startsWith("* welcome"), "the welcome of cycle " + i);
                }
            }
            waitFor(() -> chat.server.connections() == 1 && chat.server.clients() == 1, "every cycle's connection to end");
            assertTrue(openDescriptors() <= descriptors + 20,
                    "descriptors " + descriptors + " before, " + openDescriptors() + " after 1,000 cycles - a socket not closed?");
            assertTrue(ManagementFactory.getThreadMXBean().getThreadCount() <= threads + 5, "platform threads leaked");
            keeper.send("/who");
            keeper.expectLine(line -> line.startsWith("* you are keeper, waiting for a partner; 1 connected"),
                    "the server counts one client after the churn");
        }
    }




    private static Void send(LoopbackClient client, String line) {
        try {
            client.send(line);
            return null;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks {@code condition} every millisecond until it holds; fails after 5 s naming {@code what}. */
    static void waitFor(BooleanSupplier condition, String what) {
        waitFor(condition, what, 5);
    }

    /** {@link #waitFor(BooleanSupplier, String)} for {@code seconds}: a child JVM may take that long to start on a busy machine. */
    static void waitFor(BooleanSupplier condition, String what, int seconds) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "waited " + seconds + " s for " + what);
            LockSupport.parkNanos(1_000_000);
        }
    }

    static long openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
