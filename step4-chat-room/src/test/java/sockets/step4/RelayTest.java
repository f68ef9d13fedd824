package sockets.step4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.Exercise;
import sockets.testing.LoopbackClient;

@Exercise("4.7")
@Timeout(value = 15, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@DisplayName("Relaying messages")
class RelayTest {

    @Nested
    @DisplayName("a line from one partner")
    class OneLine {
        @Test
        @DisplayName("reaches the other as <NAME> TEXT, UTF-8 intact, CRLF accepted, bad UTF-8 as U+FFFD")
        void relayed() throws Exception {
            try (TestServer chat = TestServer.start()) {
                LoopbackClient[] room = chat.pair("alice", "bob");
                room[0].send("héllo wörld 👋 日本");
                room[1].expectLine(line -> line.equals("<alice> héllo wörld 👋 日本"), "alice's UTF-8 line intact");
                room[1].sendRaw("crlf line\r\n".getBytes(StandardCharsets.UTF_8));
                room[0].expectLine(line -> line.equals("<bob> crlf line"), "a CRLF line relayed without its CR");
                room[1].sendRaw(new byte[] {'f', (byte) 0xff, 'g', '\n'});
                room[0].expectLine(line -> line.equals("<bob> f\uFFFDg"), "invalid UTF-8 relayed as U+FFFD");
            }
        }

        @Test
        @DisplayName("is cleaned by the server before it is relayed")
        void cleanedByServer() throws Exception {
            try (TestServer chat = TestServer.start()) {
                LoopbackClient[] room = chat.pair("alice", "bob");
                room[0].send("\u001b[31mred\u001b[0m");
                String line = room[1].expectLine(l -> l.startsWith("<alice> "), "alice's line");
                assertTrue(line.chars().noneMatch(c -> c == 0x1b), "no ESC may reach another terminal: " + line);
                assertEquals("<alice> \uFFFD[31mred\uFFFD[0m", line);
            }
        }

        @Test
        @DisplayName("sent while waiting is refused with an error; blank lines are ignored")
        void whileWaitingAndBlank() throws Exception {
            try (TestServer chat = TestServer.start()) {
                LoopbackClient alone = chat.join("walt");
                alone.send("anyone there?");
                alone.expectLine(line -> line.startsWith("! nobody"), "an error: nobody is there yet");
                LoopbackClient vera = chat.join("vera");
                alone.send("   \t ");
                alone.send("");
                alone.send("hi vera");
                String first = vera.expectLine(line -> line.startsWith("<"), "walt's first message");
                assertEquals("<walt> hi vera", first, "blank lines must not be relayed");
                alone.send("/who");
                String who = alone.expectLine(line -> line.startsWith("* you are"), "the /who answer");
                assertTrue(who.contains("chatting with vera"), who);
                assertTrue(alone.seen().stream().noneMatch(line -> line.startsWith("! ") && !line.startsWith("! nobody")),
                        "blank lines are ignored silently: " + alone.seen());
            }
        }

        @Test
        @DisplayName("that is too long gets an error, and the next line still works")
        void tooLong() throws Exception {
            try (TestServer chat = TestServer.start()) {
                LoopbackClient[] room = chat.pair("alice", "bob");
                room[0].send("x".repeat(5000));
                room[0].expectLine(line -> line.startsWith("! line too long"), "'! line too long' for 5000 bytes (limit 4096)");
                room[0].send("after");
                String next = room[1].expectLine(line -> line.startsWith("<alice>"), "alice's next line");
                assertEquals("<alice> after", next, "the long line must be dropped, not relayed in pieces");
            }
        }

        @Test
        @DisplayName("that is an unknown command gets an error, and the connection stays usable")
        void unknownCommand() throws Exception {
            try (TestServer chat = TestServer.start()) {
                LoopbackClient[] room = chat.pair("alice", "bob");
                room[0].send("/frobnicate");
                room[0].expectLine(line -> line.startsWith("! unknown command /frobnicate"), "an error line");
                room[0].send("/help");
                room[0].expectLine(line -> line.startsWith("* commands: /nick"), "the /help text");
                room[0].send("/nick");
                room[0].expectLine(line -> line.startsWith("! usage: /nick"), "usage for /nick without a name");
                room[0].send("still here");
                room[1].expectLine(line -> line.equals("<alice> still here"), "relay after errors");
            }
        }
    }

    @Nested
    @DisplayName("names")
    class Naming {
        @Test
        @DisplayName("a refused name gets one error line that says which rule it breaks")
        void refusalSaysWhy() throws Exception {
            try (TestServer chat = TestServer.start()) {
                LoopbackClient[] room = chat.pair("alice", "bob");
                String[][] cases = {
                    {"ABCDEFGHIJKLMNOPQRSTU", "a name has 1 to 20 characters"},
                    {"a/b", "a name uses only letters A-Z a-z, digits, _ and -"},
                    {"SERVER", "the name server is reserved for the operator"},
                    {"Alice", "the name Alice is taken"},
                };
                for (String[] refused : cases) {
                    room[1].send("/nick " + refused[0]);
                    assertEquals("! cannot use that name: " + refused[1], room[1].readLine(),
                            "the answer to '/nick " + refused[0] + "'");
                }
                room[1].send("/who");
                assertEquals("* you are bob, chatting with alice; 2 connected, 0 waiting", room[1].readLine(),
                        "a refused name changes nothing");
            }
        }

        @Test
        @DisplayName("is unique on the server ignoring case, and the partner hears of a change")
        void uniqueIgnoringCase() throws Exception {
            try (TestServer chat = TestServer.start()) {
                LoopbackClient[] room = chat.pair("alice", "bob");
                room[1].send("/nick ALICE");
                room[1].expectLine(line -> line.startsWith("! "), "an error: 'ALICE' is taken (alice, ignoring case)");
                room[1].send("/nick server");
                room[1].expectLine(line -> line.startsWith("! ") && line.contains("reserved"), "an error: 'server' is reserved");
                room[1].send("/nick bad name!");
                room[1].expectLine(line -> line.startsWith("! "), "an error for bad characters");
                room[1].send("/nick Robert");
                room[1].expectLine(line -> line.equals("* you are now Robert"), "a confirmation of the new name");
                room[0].expectLine(line -> line.equals("* bob is now Robert"), "the partner told of the new name");
                room[0].send("/nick Alice");
                room[0].expectLine(line -> line.equals("* you are now Alice"), "your own name in another case is fine");
            }
        }
    }

    @Test
    @DisplayName("both partners sending at once: every line arrives, whole and in order")
    void bothAtOnce() throws Exception {
        try (TestServer chat = TestServer.start()) {
            LoopbackClient[] room = chat.pair("alice", "bob");
            int count = 200;
            String padding = " " + "-".repeat(40);
            var aliceSends = TestServer.asyncRun(() -> sendMany(room[0], "a", padding, count));
            var bobSends = TestServer.asyncRun(() -> sendMany(room[1], "b", padding, count));
            List<String> atBob = readMessages(room[1], count);
            List<String> atAlice = readMessages(room[0], count);
            aliceSends.get(5, TimeUnit.SECONDS);
            bobSends.get(5, TimeUnit.SECONDS);
            for (int i = 0; i < count; i++) {
                assertEquals("<alice> a" + i + padding, atBob.get(i), "line " + i + " at bob: lost, reordered or mixed?");
                assertEquals("<bob> b" + i + padding, atAlice.get(i), "line " + i + " at alice: lost, reordered or mixed?");
            }
        }
    }

    @Nested
    @DisplayName("when a client leaves")
    class Leaving {
        @Test
        @DisplayName("with /quit: its last lines, then '* NAME left'; it gets '* bye' and is closed")
        void quit() throws Exception {
            try (TestServer chat = TestServer.start()) {
                LoopbackClient[] room = chat.pair("alice", "bob");
                room[0].send("last words");
                room[0].send("/quit");
                room[1].expectLine(line -> line.equals("<alice> last words"), "the leaver's last line first");
                assertEquals("* alice left", room[1].readLine(), "the leave notice right after her last line");
                room[0].expectLine(line -> line.equals("* bye"), "'* bye' for the leaver");
                assertTrue(room[0].awaitClosed(), "the server should close the connection after '* bye'");
            }
        }

        @Test
        @DisplayName("with a half-close: every line sent before it arrives before the notice")
        void halfClose() throws Exception {
            try (TestServer chat = TestServer.start()) {
                LoopbackClient[] room = chat.pair("alice", "bob");
                StringBuilder burst = new StringBuilder();
                for (int i = 0; i < 200; i++) {
                    burst.append("line ").append(i).append('\n');
                }
                room[0].sendRaw(burst.toString().getBytes(StandardCharsets.UTF_8));
                room[0].halfClose();
                List<String> got = readMessages(room[1], 200);
                assertEquals("<alice> line 199", got.get(199), "all 200 lines before the notice, in order");
                assertEquals("* alice left", room[1].readLine(), "then the leave notice");
                room[0].expectLine(line -> line.equals("* bye"), "'* bye' after a half-close: the server still writes");
                assertTrue(room[0].awaitClosed(), "then the server closes");
            }
        }

        @Test
        @DisplayName("abruptly: the partner is told all the same")
        void abrupt() throws Exception {
            try (TestServer chat = TestServer.start()) {
                LoopbackClient[] room = chat.pair("alice", "bob");
                room[0].socket().setSoLinger(true, 0); // Close with a reset, like a crashed program.
                room[0].close();
                room[1].expectLine(line -> line.startsWith("* alice left"), "'* alice left' after an abrupt close");
                assertEquals("* alice left (connection lost)", room[1].seen().getLast(),
                        "a reset is a lost connection, not a silent or a slow client");
            }
        }
    }

    private static void sendMany(LoopbackClient client, String prefix, String padding, int count) {
        try {
            for (int i = 0; i < count; i++) {
                client.send(prefix + i + padding);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next {@code count} message lines ({@code <NAME> ...}), skipping notices. */
    private static List<String> readMessages(LoopbackClient client, int count) throws Exception {
        List<String> messages = new ArrayList<>();
        while (messages.size() < count) {
            String line = client.readLine();
            if (line == null) {
                throw new AssertionError("connection closed after " + messages.size() + " of " + count + " messages");
            }
            if (line.startsWith("<")) {
                messages.add(line);
            }
        }
        return messages;
    }
}
