package sockets.step5;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import sockets.testing.Exercise;
import sockets.testing.LoopbackClient;

@Exercise("5.3")
@DisplayName("5.3 The chat on one thread: lines read from buffers, relayed, obeyed")
@Timeout(30)
@ExtendWith(StubFirst.class)
class RelayTest {

    @Test
    @DisplayName("relays each line to the partner as <NAME> TEXT, both ways")
    void relaysBothWays() throws IOException {
        try (TestServer chat = TestServer.start()) {
            LoopbackClient[] room = chat.pair("alice", "bob");
            room[0].send("hi bob");
            assertEquals("<alice> hi bob", room[1].readLine());
            room[1].send("héllo wörld 👋 日本");
            assertEquals("<bob> héllo wörld 👋 日本", room[0].readLine());
        }
    }

    @Test
    @DisplayName("a line sent one byte per write arrives whole; CRLF is accepted")
    void oneBytePerWrite() throws IOException {
        try (TestServer chat = TestServer.start()) {
            LoopbackClient[] room = chat.pair("alice", "bob");
            for (byte b : "slow line, né 👋\r\n".getBytes(StandardCharsets.UTF_8)) {
                room[0].sendRaw(new byte[] {b});
            }
            room[0].send("then a fast one");
            assertEquals("<alice> slow line, né 👋", room[1].readLine(),
                    "a line in pieces must arrive whole - is the unfinished line kept (compact) between reads?");
            assertEquals("<alice> then a fast one", room[1].readLine());
        }
    }

    @Test
    @DisplayName("1,000 lines in one burst arrive complete and in order")
    void burst() throws IOException {
        try (TestServer chat = TestServer.start()) {
            LoopbackClient[] room = chat.pair("alice", "bob");
            StringBuilder burst = new StringBuilder();
            for (int i = 0; i < 1000; i++) {
                burst.append("line ").append(i).append('\n');
            }
            room[0].sendRaw(burst.toString().getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 1000; i++) {
                assertEquals("<alice> line " + i, room[1].readLine());
            }
        }
    }

    @Nested
    @DisplayName("over-long lines")
    class TooLong {

        @Test
        @DisplayName("are answered '! line too long', never relayed in pieces; the next line works")
        void refused() throws IOException {
            try (TestServer chat = TestServer.start()) {
                LoopbackClient[] room = chat.pair("alice", "bob");
                room[0].send("x".repeat(4097));
                assertEquals("! line too long (more than 4096 bytes) - not sent", room[0].readLine());
                room[0].send("x".repeat(4096));
                assertEquals("<alice> " + "x".repeat(4096), room[1].readLine(), "4096 bytes is the limit, not over it");
            }
        }

        @Test
        @DisplayName("10 MiB without a newline: one error, nothing relayed, the connection goes on")
        void tenMebibytes() throws IOException {
            try (TestServer chat = TestServer.start()) {
                LoopbackClient[] room = chat.pair("alice", "bob");
                byte[] mebibyte = "z".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < 10; i++) {
                    room[0].sendRaw(mebibyte);
                }
                room[0].send("");
                room[0].send("after the flood");
                assertEquals("! line too long (more than 4096 bytes) - not sent", room[0].readLine());
                assertEquals("<alice> after the flood", room[1].readLine());
            }
        }
    }

    @Nested
    @DisplayName("harmless text")
    class Harmless {

        @Test
        @DisplayName("control characters and invalid UTF-8 reach the partner as U+FFFD")
        void cleaned() throws IOException {
            try (TestServer chat = TestServer.start()) {
                LoopbackClient[] room = chat.pair("alice", "bob");
                room[0].sendRaw(new byte[] {'a', 0x1B, '[', '2', 'J', '\t', 'b', 0x7F, (byte) 0xC2, (byte) 0x9B, (byte) 0xFF, 'c', '\n'});
                assertEquals("<alice> a\uFFFD[2J\tb\uFFFD\uFFFD\uFFFDc", room[1].readLine());
            }
        }
    }

    @Nested
    @DisplayName("commands and errors (step 4's protocol)")
    class Commands {

        @Test
        @DisplayName("/nick, /who, /help, unknown commands and blank lines")
        void commands() throws IOException {
            try (TestServer chat = TestServer.start()) {
                LoopbackClient[] room = chat.pair("alice", "bob");
                room[0].send("   \t ");
                room[0].send("/who");
                assertEquals("* you are alice, chatting with bob; 2 connected, 0 waiting", room[0].readLine(),
                        "a blank line is ignored; /who answers");
                room[0].send("/help");
                assertEquals(Conversation.HELP, room[0].readLine());
                room[0].send("/nick");
                assertEquals("! usage: /nick NAME", room[0].readLine());
                room[0].send("/nick BOB");
                assertEquals("! cannot use that name: the name BOB is taken", room[0].readLine());
                room[0].send("/dance \u001b[2J");
                assertEquals("! unknown command /dance - type /help", room[0].readLine());
                room[0].send("/nick ally");
                assertEquals("* you are now ally", room[0].readLine());
                assertEquals("* alice is now ally", room[1].readLine());
                room[0].send("renamed");
                assertEquals("<ally> renamed", room[1].readLine(), "the new name is used from the next line on");
            }
        }

        @Test
        @DisplayName("a message while alone is answered, not kept")
        void alone() throws IOException {
            try (TestServer chat = TestServer.start()) {
                LoopbackClient alice = chat.join("alice");
                alice.send("anyone?");
                assertEquals(Conversation.NOBODY_HERE, alice.readLine());
            }
        }
    }

    @Test
    @DisplayName("two rooms at once: a message never leaves its room")
    void rooms() throws IOException {
        try (TestServer chat = TestServer.start()) {
            LoopbackClient[] one = chat.pair("alice", "bob");
            LoopbackClient[] two = chat.pair("carol", "dave");
            two[0].send("room two only");
            one[0].send("room one only");
            assertEquals("<carol> room two only", two[1].readLine());
            assertEquals("<alice> room one only", one[1].readLine());
            one[1].send("back");
            assertEquals("<bob> back", one[0].readLine());
        }
    }
}
