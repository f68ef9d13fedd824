package sockets.step3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Command-line arguments")
class ArgumentsTest {

    @Test
    @DisplayName("a port is 0 to 65535")
    void ports() {
        assertEquals(0, Arguments.port("0"), "0: the system picks a free port");
        assertEquals(65535, Arguments.port("65535"));
    }

    @ParameterizedTest(name = "the port ''{0}'' is refused with one clear message")
    @ValueSource(strings = {"-1", "65536", "http", ""})
    void badPorts(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Arguments.port(text));
        assertEquals("PORT must be a number from 0 to 65535, was '" + text + "'", e.getMessage());
    }

    @Test
    @DisplayName("a count is at least 1")
    void counts() {
        assertEquals(1, Arguments.positive("CLIENTS", "1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Arguments.positive("CLIENTS", "0"));
        assertEquals("CLIENTS must be a whole number of at least 1, was '0'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Arguments.positive("CLIENTS", "many"));
    }
}
