package sockets.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The measurements on a direct loopback connection (127.0.0.1, port 0): counts and problems, never timings. */
@DisplayName("Measurements on a direct loopback connection")
@Timeout(20)
class LoopbackTest {

    @Test
    @DisplayName("round trips: records exactly the asked count after the warm-up")
    void roundTrips() throws IOException {
        try (DirectRelay relay = new DirectRelay(); Pair pair = relay.open()) {
            Histogram nanos = RoundTrip.measure(pair, 50, 300, 10_000);
            assertEquals(300, nanos.getTotalCount(), "warm-up round trips must not be recorded");
            assertTrue(nanos.getMinValue() > 0);
        }
    }

    @Test
    @DisplayName("round trips: stop as soon as the caller says so")
    void stopsWhenAsked() throws IOException {
        try (DirectRelay relay = new DirectRelay(); Pair pair = relay.open()) {
            int[] calls = {0};
            Histogram nanos = RoundTrip.measure(pair, 0, 1_000, 10_000, 0, () -> ++calls[0] <= 10);
            assertEquals(10, nanos.getTotalCount());
        }
    }

    @Test
    @DisplayName("throughput: lines arrive and nothing goes wrong")
    void throughput() throws Exception {
        try (DirectRelay relay = new DirectRelay()) {
            Throughput.Result result = Throughput.measure(relay, 50, 200);
            assertNull(result.problem());
            assertTrue(result.linesPerSecond() > 0, "no lines counted: " + result);
        }
    }

    @Test
    @DisplayName("a flood reports lines that are not what the relay should deliver")
    void unexpectedLines() throws Exception {
        try (DirectRelay direct = new DirectRelay(); Pair pair = direct.open()) {
            // Pretend to be the chat: every line should start with '<', but direct lines do not.
            Relay chatLike = new Relay() {
                public String name() {
                    return "chat-like";
                }

                public Pair open() {
                    throw new UnsupportedOperationException();
                }

                public byte firstByteAtReceiver(byte[] sentLine) {
                    return '<';
                }

                public void close() {
                }
            };
            String problem;
            try (Flood flood = Flood.start(chatLike, pair)) {
                problem = flood.awaitProblem(5_000);
            }
            assertNotNull(problem, "a line not starting with '<' should be reported within 5 s");
            assertTrue(problem.startsWith("B received an unexpected line after 0 lines: 'flood "), problem);
        }
    }

    @Test
    @DisplayName("a flood reports a receiver the relay hung up on")
    void hungUp() throws Exception {
        try (DirectRelay direct = new DirectRelay(); Pair pair = direct.open()) {
            String problem;
            try (Flood flood = Flood.start(direct, pair)) {
                pair.a.close(); // B's stream ends, as if the relay dropped the pair
                problem = flood.awaitProblem(5_000);
            }
            assertNotNull(problem, "B's end of stream should be reported within 5 s");
            assertTrue(problem.contains("closed") || problem.contains("failed"), problem);
        }
    }

    @Test
    @DisplayName("isolation: the room is measured quiet and flooded, and the flood runs without a problem")
    void isolation() throws Exception {
        try (DirectRelay relay = new DirectRelay()) {
            Isolation.Result result = Isolation.measure(relay, 10, 200, 10_000, 50);
            assertEquals(200, result.quiet().count());
            assertEquals(200, result.flooded().count());
            assertNull(result.problem());
        }
    }
}
