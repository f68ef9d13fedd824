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

@Exercise("4.4")
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

        @ParameterizedTest(name = "''{0}'': {1}")
        @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "ABCDEFGHIJKLMNOPQRSTU | a name has 1 to 20 characters",
            "a/b                   | a name uses only letters A-Z a-z, digits, _ and -",
            "SERVER                | the name server is reserved for the operator"})
        void saysWhichRule(String name, String problem) {
            assertEquals(problem, Names.problemWith(name), "the reason a user reads after '! cannot use that name: '");
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
    }
}
