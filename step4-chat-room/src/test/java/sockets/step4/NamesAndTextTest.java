package sockets.step4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sockets.testing.Exercise;
import sockets.testing.LoopbackClient;

@Exercise("4.2")
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@DisplayName("Names and harmless text")
class NamesAndTextTest {

    @Nested
    @DisplayName("a name")
    class Name {
        @ParameterizedTest(name = "''{0}'' is a valid name")
        @ValueSource(strings = {"a", "alice", "Bob_2", "x-y", "ABCDEFGHIJKLMNOPQRST"})
        void valid(String name) {
            assertNull(Names.problemWith(name), "1-20 of A-Z a-z 0-9 _ - should be accepted");
        }

        @ParameterizedTest(name = "''{0}'' is refused")
        @ValueSource(strings = {"", "ABCDEFGHIJKLMNOPQRSTU", "two words", "héllo", "a/b", "server", "SeRvEr", "<x>"})
        void refused(String name) {
            assertNotNull(Names.problemWith(name), "empty, over 20, other characters and 'server' are refused");
        }

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

    @Nested
    @DisplayName("text from a peer")
    class Text {
        @Test
        @DisplayName("loses ESC, other C0 controls, DEL and C1 controls, keeps TAB and Unicode")
        void cleaned() {
            String dirty = "\u001b[2J\ttab\u0007bell\u007fdel\u009bcsi héllo 👋";
            String r = String.valueOf(HarmlessText.REPLACEMENT);
            assertEquals(r + "[2J\ttab" + r + "bell" + r + "del" + r + "csi héllo 👋", HarmlessText.clean(dirty));
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
    }
}
