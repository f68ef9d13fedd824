package sockets.step4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.Exercise;
import sockets.testing.LoopbackClient;

@Exercise("4.7")
@Timeout(value = 15, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@DisplayName("Hostile and broken input")
class HostileInputTest {

    @Test
    @DisplayName("a 10 MiB line with no newline: refused with '!', never relayed, and the next line works")
    void tenMebibytes() throws Exception {
        try (TestServer chat = TestServer.start()) {
            LoopbackClient[] room = chat.pair("alice", "bob");
            byte[] block = new byte[64 * 1024];
            Arrays.fill(block, (byte) 'x');
            for (int i = 0; i < 160; i++) {
                room[0].sendRaw(block);
            }
            room[0].sendRaw("\nafter\n".getBytes(StandardCharsets.UTF_8));
            room[0].expectLine(line -> line.startsWith("! line too long"), "'! line too long' for 10 MiB without a newline");
            assertEquals("<alice> after", room[1].expectLine(line -> line.startsWith("<"), "alice's next line"),
                    "the 10 MiB line must be dropped whole - is the line reader bounded?");
            assertTrue(chat.server.queuedBytes() < 64 * 1024, "nothing of it is held: " + chat.server.queuedBytes());
        }
    }

    @Test
    @DisplayName("the limit is exact: 4096 bytes pass with LF or CRLF, 4097 do not; a character is never split")
    void exactLimits() throws Exception {
        try (TestServer chat = TestServer.start()) {
            LoopbackClient[] room = chat.pair("alice", "bob");
            String[] fits = {"a".repeat(4096), "a".repeat(4094) + "é", "a".repeat(4092) + "👋", "日".repeat(1365) + "a"};
            String[] tooLong = {"a".repeat(4097), "a".repeat(4095) + "é", "a".repeat(4093) + "👋", "日".repeat(1366)};
            for (String ending : new String[] {"\n", "\r\n"}) {
                for (String text : fits) {
                    room[0].sendRaw((text + ending).getBytes(StandardCharsets.UTF_8));
                    String got = room[1].expectLine(line -> line.startsWith("<"), "a line of exactly 4096 bytes");
                    assertEquals("<alice> " + text, got, "4096 bytes (" + ending.length() + "-byte ending) pass whole");
                }
                for (String text : tooLong) {
                    room[0].sendRaw((text + ending + "next\n").getBytes(StandardCharsets.UTF_8));
                    room[0].expectLine(line -> line.startsWith("! line too long"), "'! line too long' at 4097 bytes");
                    assertEquals("<alice> next", room[1].expectLine(line -> line.startsWith("<"), "the line after"),
                            "a 4097-byte line (" + ending.length() + "-byte ending) is refused whole, never cut");
                }
            }
        }
    }

    @Test
    @DisplayName("one byte per write, UTF-8 characters split across writes: the line arrives whole")
    void oneBytePerWrite() throws Exception {
        try (TestServer chat = TestServer.start()) {
            LoopbackClient[] room = chat.pair("alice", "bob");
            room[0].socket().setTcpNoDelay(true); // Each byte its own segment.
            String text = "héllo 日本 👋 wörld";
            for (byte b : (text + "\r\n").getBytes(StandardCharsets.UTF_8)) {
                room[0].sendRaw(new byte[] {b});
            }
            assertEquals("<alice> " + text, room[1].expectLine(line -> line.startsWith("<"), "the line sent byte by byte"));
        }
    }

    @Test
    @DisplayName("invalid UTF-8 (overlong, lone continuation, surrogate, truncated, 0xFF) arrives as U+FFFD")
    void invalidUtf8() throws Exception {
        try (TestServer chat = TestServer.start()) {
            LoopbackClient[] room = chat.pair("alice", "bob");
            byte[] bad = {'a', (byte) 0xC0, (byte) 0xAF, 'b', (byte) 0x80, 'c', (byte) 0xED, (byte) 0xA0, (byte) 0x80,
                'd', (byte) 0xFF, (byte) 0xFE, 'e', (byte) 0xE6, (byte) 0x97, '\n'};
            room[0].sendRaw(bad);
            String got = room[1].expectLine(line -> line.startsWith("<"), "the line with invalid UTF-8");
            String text = got.substring("<alice> ".length());
            assertTrue(text.matches("a\uFFFD+b\uFFFD+c\uFFFD+d\uFFFD+e\uFFFD+"), "every bad sequence as U+FFFD: " + got);
        }
    }

    @Test
    @DisplayName("ESC sequences, C0 and C1 controls, DEL and NUL never reach the partner, in messages or replies")
    void controlCharacters() throws Exception {
        try (TestServer chat = TestServer.start()) {
            LoopbackClient[] room = chat.pair("alice", "bob");
            String nasty = "\u001b[2J\u001b]0;owned\u0007 nul\u0000 del\u007f csi\u009b31m nel\u0085 bs\b cr\rx tab\tok";
            room[0].send(nasty);
            String got = room[1].expectLine(line -> line.startsWith("<"), "alice's message");
            assertEquals(nasty.length() + "<alice> ".length(), got.length(), "each control becomes one U+FFFD: " + got);
            assertHarmless(got);
            assertTrue(got.endsWith("tab\tok"), "TAB is kept: " + got);
            room[0].send("/\u001b[2Jboom");
            assertHarmless(room[0].expectLine(line -> line.startsWith("! unknown command"), "the unknown-command reply"));
            room[0].send("/nick \u001b[31mred");
            assertHarmless(room[0].expectLine(line -> line.startsWith("! cannot use that name"), "the bad-name reply"));
        }
    }

    @Test
    @DisplayName("binary junk on the port: the partner sees only harmless lines, and the server serves on")
    void binaryJunk() throws Exception {
        try (TestServer chat = TestServer.start()) {
            LoopbackClient[] room = chat.pair("alice", "bob");
            byte[] junk = new byte[64 * 1024];
            new Random(42).nextBytes(junk);
            room[0].sendRaw(junk);
            room[0].halfClose();
            room[1].expectLine(line -> line.startsWith("* alice left"), "'* alice left' once the junk has ended");
            room[1].seen().forEach(HostileInputTest::assertHarmless);
            LoopbackClient carol = chat.join("carol");
            carol.send("still serving");
            room[1].expectLine(line -> line.equals("<carol> still serving"), "bob's next partner is heard after the junk");
        }
    }

    static void assertHarmless(String line) {
        for (char c : line.toCharArray()) {
            boolean control = (c < 0x20 && c != '\t') || (c >= 0x7F && c <= 0x9F);
            assertTrue(!control, String.format("U+%04X reached a terminal in: %s", (int) c, line));
        }
    }
}
