package sockets.step5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import sockets.step4.ChatServer;
import sockets.testing.Background;
import sockets.testing.Exercise;
import sockets.testing.LoopbackClient;

@Exercise("5.5")
@DisplayName("5.5 Other threads, and a graceful goodbye")
@Timeout(30)
@ExtendWith(StubFirst.class)
class GoodbyeTest {

    @Nested
    @DisplayName("a client leaves")
    class Leaving {

        @Test
        @DisplayName("with /quit: its last lines, then '* NAME left' at the partner; '* bye', then closed")
        void quit() throws IOException {
            try (TestServer chat = TestServer.start()) {
                LoopbackClient[] room = chat.pair("alice", "bob");
                room[0].send("last words");
                room[0].send("/quit");
                assertEquals("* bye", room[0].readLine());
                assertNull(room[0].readLine(), "after '* bye' the server half-closes: end of stream");
                room[0].halfClose();
                assertEquals("<alice> last words", room[1].readLine());
                assertEquals("* alice left", room[1].readLine());
                assertEquals("* waiting for a partner...", room[1].readLine());
                TestServer.waitFor(() -> chat.server.connections() == 1, "alice's connection to be closed");
            }
        }

        @Test
        @DisplayName("with a half-close: every line before it arrives (even one without LF), then '* NAME left'")
        void halfClose() throws IOException {
            try (TestServer chat = TestServer.start()) {
                LoopbackClient[] room = chat.pair("alice", "bob");
                room[0].sendRaw("one\ntwo without LF".getBytes(StandardCharsets.UTF_8));
                room[0].halfClose();
                assertEquals("<alice> one", room[1].readLine());
                assertEquals("<alice> two without LF", room[1].readLine());
                assertEquals("* alice left", room[1].readLine());
                assertEquals("* bye", room[0].readLine());
                assertTrue(room[0].awaitClosed(), "the server closes once both sides are done");
            }
        }

        @Test
        @DisplayName("a client still sending after '* bye' is read and dropped until it closes; then its connection ends")
        void drainsUntilTheClientCloses() throws IOException {
            try (TestServer chat = TestServer.start()) {
                LoopbackClient alice = chat.join("alice");
                alice.send("/quit");
                alice.expectLine("* bye"::equals, "'* bye'");
                assertNull(alice.readLine(), "after '* bye' the server half-closes: end of stream");
                for (int i = 0; i < 100; i++) {
                    alice.send("still typing " + i); // never answered, never relayed: dropped
                }
                alice.halfClose();
                assertTrue(alice.awaitClosed(), "the server closes once alice has closed her side");
                TestServer.waitFor(() -> chat.server.connections() == 0, "alice's connection to be closed");
            }
        }

        @Test
        @DisplayName("a goodbye ends within its deadline even when the client never closes its side")
        void goodbyeHasADeadline() throws IOException {
            try (TestServer chat = TestServer.start()) {
                LoopbackClient alice = chat.join("alice");
                alice.send("/quit");
                alice.expectLine("* bye"::equals, "'* bye'");
                TestServer.waitFor(() -> chat.server.connections() == 0,
                        "the server to close alice within its goodbye deadline (2 s) although she keeps her side open");
            }
        }
    }

    @Nested
    @DisplayName("other threads act through the loop")
    class OtherThreads {

        @Test
        @DisplayName("the operator's line reaches idle clients at once, from the console's thread")
        void broadcastWakesTheLoop() throws Exception {
            try (TestServer chat = TestServer.start()) {
                LoopbackClient[] room = chat.pair("alice", "bob");
                LoopbackClient carol = chat.join("carol");
                CompletableFuture<Integer> told = Background.supply(
                        () -> chat.server.broadcast("hello \u001b[2J everyone"));
                assertEquals(3, told.get(5, TimeUnit.SECONDS), "broadcast() returns how many were told");
                for (LoopbackClient client : new LoopbackClient[] {room[0], room[1], carol}) {
                    client.expectLine("<server> hello \uFFFD[2J everyone"::equals,
                            "the operator's line while the loop sleeps - is the selector woken up (wakeup())?");
                }
            }
        }

        @Test
        @DisplayName("shutdown: everyone told, nobody paired, every connection ends; a newcomer is refused once it returns")
        void shutdown() throws Exception {
            try (TestServer chat = TestServer.start()) {
                LoopbackClient[] room = chat.pair("alice", "bob");
                LoopbackClient carol = chat.join("carol");
                int port = chat.server.port();
                List<CompletableFuture<List<String>>> heard = new ArrayList<>();
                for (LoopbackClient client : new LoopbackClient[] {room[0], room[1], carol}) {
                    heard.add(Background.supply(() -> afterTheNotice(client)));
                }
                assertTrue(chat.server.shutdown(), "the first shutdown() does it");
                assertThrows(ConnectException.class, () -> LoopbackClient.connect(port).close(),
                        "once shutdown() returns, nobody listens any more");
                for (CompletableFuture<List<String>> lines : heard) {
                    assertEquals(List.of(), lines.get(5, TimeUnit.SECONDS),
                            "after '* server is shutting down' the connection ends: nobody is paired or told anything");
                }
                assertTrue(chat.server.awaitStopped(1_000));
                assertFalse(chat.server.shutdown(), "a second shutdown() finds it done");
            }
        }

        /** Like a chat client: reads up to the shutdown notice, then what comes after it until the end, then closes. */
        private static List<String> afterTheNotice(LoopbackClient client) {
            try (client) {
                client.expectLine("* server is shutting down"::equals, "the shutdown notice");
                List<String> after = new ArrayList<>();
                for (String line = client.readLine(); line != null; line = client.readLine()) {
                    after.add(line);
                }
                return after;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Test
    @DisplayName("--max-clients: beyond it '! server is full - try again later', then closed; a freed place can be taken")
    void maxClients() throws IOException {
        try (TestServer chat = TestServer.start(new ChatServer.Settings("127.0.0.1", 0, 4096, 2))) {
            LoopbackClient alice = chat.join("alice");
            chat.join("bob");
            LoopbackClient third = chat.connect();
            assertEquals("! server is full - try again later", third.readLine());
            assertTrue(third.awaitClosed(), "a refused client is closed");
            alice.send("/quit");
            alice.expectLine("* bye"::equals, "'* bye'");
            alice.halfClose();
            TestServer.waitFor(() -> chat.server.connections() == 1, "alice's place to be free");
            assertEquals("* welcome to the chat, you are guest-3 (type /help for commands)", chat.connect().readLine());
        }
    }

    @Test
    @DisplayName("--idle-timeout: a client silent that long is said goodbye, and closed")
    void idleTimeout() throws IOException {
        try (TestServer chat = TestServer.withTimeouts(300, 15_000)) {
            // No /nick: on a loaded machine it may reach the server after the 300 ms, and find the client gone.
            LoopbackClient guest = chat.join(); // guest-1
            guest.expectLine("* bye"::equals, "'* bye' for a client silent for 300 ms");
            assertTrue(guest.awaitClosed(), "the silent client's connection ends");
            TestServer.waitFor(() -> chat.log().contains("- guest-1 left (silent too long, disconnected)"),
                    "the log line '- guest-1 left (silent too long, disconnected)'");
        }
    }
}
