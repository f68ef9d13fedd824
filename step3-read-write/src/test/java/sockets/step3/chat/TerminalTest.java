package sockets.step3.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TerminalTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ESC starts a terminal command   | '\u001b[31mred'   | ?[31mred
            BEL rings the bell              | 'ding\u0007'      | ding?
            DEL and a C1 CSI                | a\u007fb\u009bc   | a?b?c
            a CR could overwrite the line   | fake\rreal        | fake?real
            TAB, accents and emoji stay     | é\tok 😀           | é\tok 😀
            """)
    void makesPrintable(String what, String text, String expected) {
        assertEquals(expected, Terminal.printable(text), what);
    }
}
