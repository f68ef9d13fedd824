package sockets.step3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.step3.framing.LineReader;
import sockets.testing.Exercise;

@Exercise("3.6")
@Timeout(10)
@DisplayName("Reading with a deadline")
class DeadlinesTest {

    static final Duration SHORT = Duration.ofMillis(200);

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("a line that arrives in time is returned")
    void inTime() throws IOException {
        try (LoopbackPair pair = LoopbackPair.open()) {
            pair.client().getOutputStream().write(utf8("on time\n"));
            LineReader reader = new LineReader(pair.server().getInputStream(), 100);
            assertEquals("on time", Deadlines.readLine(pair.server(), reader, Duration.ofSeconds(2)));
        }
    }

    @Test
    @DisplayName("a read that never gets its newline ends in SocketTimeoutException, and nothing is lost")
    void neverANewline() throws IOException {
        try (LoopbackPair pair = LoopbackPair.open()) {
            OutputStream toServer = pair.client().getOutputStream();
            LineReader reader = new LineReader(pair.server().getInputStream(), 100);
            toServer.write(utf8("no newline"));
            long start = System.nanoTime();
            assertThrows(SocketTimeoutException.class, () -> Deadlines.readLine(pair.server(), reader, SHORT),
                    "with no LF the read must give up after the deadline - did you setSoTimeout(within)?");
            // A timeout never fires early: much sooner means the deadline was set in another unit.
            long waited = (System.nanoTime() - start) / 1_000_000;
            assertTrue(waited >= SHORT.toMillis() - 20, "the read gave up after " + waited + " ms, its deadline is "
                    + SHORT.toMillis() + " ms - SO_TIMEOUT is in milliseconds: within.toMillis()");
            toServer.write(utf8(" yet\n"));
            assertEquals("no newline yet", Deadlines.readLine(pair.server(), reader, Duration.ofSeconds(2)),
                    "after a timeout the socket and the reader's partial line are still there");
        }
    }

    @Test
    @DisplayName("the socket's own timeout is restored afterwards, also after a timeout")
    void restoresTimeout() throws IOException {
        try (LoopbackPair pair = LoopbackPair.open()) {
            pair.server().setSoTimeout(4321);
            LineReader reader = new LineReader(pair.server().getInputStream(), 100);
            pair.client().getOutputStream().write(utf8("x\n"));
            Deadlines.readLine(pair.server(), reader, Duration.ofSeconds(2));
            assertEquals(4321, pair.server().getSoTimeout(), "restore getSoTimeout() in a finally");
            assertThrows(SocketTimeoutException.class, () -> Deadlines.readLine(pair.server(), reader, SHORT));
            assertEquals(4321, pair.server().getSoTimeout(), "restore it even when the read timed out");
        }
    }

    @Test
    @DisplayName("forgetting flush: the peer gets nothing within its deadline, then the line after flush()")
    void forgettingFlush() throws IOException {
        try (LoopbackPair pair = LoopbackPair.open()) {
            OutputStream buffered = new BufferedOutputStream(pair.client().getOutputStream());
            LineReader reader = new LineReader(pair.server().getInputStream(), 100);
            buffered.write(utf8("stuck in a buffer\n"));
            assertThrows(SocketTimeoutException.class, () -> Deadlines.readLine(pair.server(), reader, SHORT),
                    "without flush() the bytes stay in the BufferedOutputStream: nothing can arrive");
            buffered.flush();
            assertEquals("stuck in a buffer", Deadlines.readLine(pair.server(), reader, Duration.ofSeconds(2)));
        }
    }
}
