package sockets.step2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ungraded: the command-line parsing both mains share; what a user typing options gets. */
@DisplayName("Options")
class OptionsTest {

    private static Options parse(String... args) throws Options.UsageException {
        return Options.parse(args, Set.of("--port", "--host"), Set.of("--no-reuse"));
    }

    @Test
    @DisplayName("gives each option's value, and the fallback for an option not given")
    void valuesAndFallbacks() throws Options.UsageException {
        Options options = parse("--port", "8080", "--host", "::1");
        assertEquals(8080, options.number("--port", 5555, 1, 65535));
        assertEquals("::1", options.text("--host", "127.0.0.1"));
        Options none = parse();
        assertEquals(5555, none.number("--port", 5555, 1, 65535));
        assertEquals("127.0.0.1", none.text("--host", "127.0.0.1"));
    }

    @Test
    @DisplayName("tells whether a flag was given")
    void flags() throws Options.UsageException {
        assertTrue(parse("--no-reuse").flag("--no-reuse"), "--no-reuse was given");
        assertFalse(parse("--port", "1").flag("--no-reuse"), "--no-reuse was not given");
    }

    @ParameterizedTest(name = "accepts --port {0}, a limit of 1..65535")
    @ValueSource(ints = {1, 65535})
    void acceptsTheLimits(int port) throws Options.UsageException {
        assertEquals(port, parse("--port", "" + port).number("--port", 5555, 1, 65535));
    }

    @ParameterizedTest(name = "refuses --port ''{0}'' in one line")
    @ValueSource(strings = {"0", "65536", "-1", "nine", ""})
    void refusesOutOfRange(String port) throws Options.UsageException {
        Options options = parse("--port", port); // parsing takes any value: number() checks it
        Options.UsageException refused = assertThrows(Options.UsageException.class,
                () -> options.number("--port", 5555, 1, 65535));
        assertEquals("--port wants a number from 1 to 65535, not '" + port + "'", refused.getMessage());
    }

    @Nested
    @DisplayName("refuses in one line")
    class Refuses {

        @Test
        @DisplayName("an option it does not know")
        void unknownOption() {
            assertEquals("unknown option '--colour'",
                    assertThrows(Options.UsageException.class, () -> parse("--colour", "red")).getMessage());
        }

        @Test
        @DisplayName("an option without its value")
        void missingValue() {
            assertEquals("--port needs a value",
                    assertThrows(Options.UsageException.class, () -> parse("--host", "h", "--port")).getMessage());
        }
    }
}
