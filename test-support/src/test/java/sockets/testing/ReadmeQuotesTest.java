package sockets.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ReadmeQuotes")
class ReadmeQuotesTest {

    private static final List<String> SOURCE = List.of("/** Reads. */", "int read()", "{", "}");

    @Test
    @DisplayName("finds quoted lines that stand one after another in the source")
    void consecutiveLines() {
        assertTrue(ReadmeQuotes.standsIn(List.of("/** Reads. */", "int read()"), SOURCE));
        assertTrue(ReadmeQuotes.standsIn(List.of("}"), SOURCE));
    }

    @Test
    @DisplayName("takes a contract's last line without the body's opening brace")
    void contractWithoutBody() {
        List<String> method = List.of("/** Reads. */", "int read() {", "return 1;", "}");
        assertTrue(ReadmeQuotes.standsIn(List.of("/** Reads. */", "int read()"), method));
        assertFalse(ReadmeQuotes.standsIn(List.of("int read()", "return 1;"), method),
                "only the last quoted line may leave out its brace");
    }

    @Test
    @DisplayName("refuses lines out of order, apart, or changed")
    void notThere() {
        assertFalse(ReadmeQuotes.standsIn(List.of("int read()", "/** Reads. */"), SOURCE));
        assertFalse(ReadmeQuotes.standsIn(List.of("/** Reads. */", "{"), SOURCE));
        assertFalse(ReadmeQuotes.standsIn(List.of("/** Reads all. */"), SOURCE));
        assertFalse(ReadmeQuotes.standsIn(List.of("}", "}", "}", "}", "}"), SOURCE));
    }
}
