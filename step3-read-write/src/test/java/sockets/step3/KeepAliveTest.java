package sockets.step3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import jdk.net.ExtendedSocketOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.Exercise;

@Exercise("3.10")
@Timeout(10)
@DisplayName("Liveness: KeepAlive.enable")
class KeepAliveTest {

    @Test
    @DisplayName("turns SO_KEEPALIVE on: first probe after 10 s, one every 2 s, 3 probes - noticed within 16 s")
    void tunesTheProbes() throws IOException {
        try (Connected connection = Connected.open()) {
            Socket socket = connection.socket();
            assumeTrue(socket.supportedOptions().contains(ExtendedSocketOptions.TCP_KEEPIDLE),
                    "this system cannot tune keepalive");
            assertEquals(Duration.ofSeconds(16), KeepAlive.enable(socket, Duration.ofSeconds(10), Duration.ofSeconds(2), 3),
                    "a vanished peer is noticed after idle + interval x probes = 10 + 2 x 3 s");
            assertTrue(socket.getKeepAlive(), "SO_KEEPALIVE should be on: setKeepAlive(true)");
            assertEquals(10, socket.getOption(ExtendedSocketOptions.TCP_KEEPIDLE),
                    "TCP_KEEPIDLE should be the idle time in seconds (the system's default is 2 hours)");
            assertEquals(2, socket.getOption(ExtendedSocketOptions.TCP_KEEPINTERVAL),
                    "TCP_KEEPINTERVAL should be the interval in seconds");
            assertEquals(3, socket.getOption(ExtendedSocketOptions.TCP_KEEPCOUNT),
                    "TCP_KEEPCOUNT should be the number of probes");
        }
    }

    @Test
    @DisplayName("other values: 1 s, 1 s, 1 probe - noticed within 2 s")
    void otherValues() throws IOException {
        try (Connected connection = Connected.open()) {
            Socket socket = connection.socket();
            assumeTrue(socket.supportedOptions().contains(ExtendedSocketOptions.TCP_KEEPIDLE),
                    "this system cannot tune keepalive");
            assertEquals(Duration.ofSeconds(2), KeepAlive.enable(socket, Duration.ofSeconds(1), Duration.ofSeconds(1), 1));
            assertEquals(1, socket.getOption(ExtendedSocketOptions.TCP_KEEPIDLE));
            assertEquals(1, socket.getOption(ExtendedSocketOptions.TCP_KEEPINTERVAL));
            assertEquals(1, socket.getOption(ExtendedSocketOptions.TCP_KEEPCOUNT));
        }
    }

    @Test
    @DisplayName("refuses what the kernel cannot count (less than a second, part of a second, no probe) and changes nothing")
    void refusesBeforeChangingAnything() throws IOException {
        try (Connected connection = Connected.open()) {
            Socket socket = connection.socket();
            assertThrows(IllegalArgumentException.class,
                    () -> KeepAlive.enable(socket, Duration.ofMillis(500), Duration.ofSeconds(1), 3),
                    "keepalive times are whole seconds: 500 ms should be refused");
            assertThrows(IllegalArgumentException.class,
                    () -> KeepAlive.enable(socket, Duration.ofSeconds(10), Duration.ofMillis(1500), 3));
            assertThrows(IllegalArgumentException.class,
                    () -> KeepAlive.enable(socket, Duration.ofSeconds(10), Duration.ofSeconds(1), 0));
            assertFalse(socket.getKeepAlive(),
                    "a refused call should leave the socket as it was: check the arguments before setting anything");
        }
    }
}
