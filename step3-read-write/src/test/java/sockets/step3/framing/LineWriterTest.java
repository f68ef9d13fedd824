package sockets.step3.framing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sockets.step3.Connected;
import sockets.testing.Exercise;

@Exercise("3.2")
@Timeout(10)
@DisplayName("LineWriter")
class LineWriterTest {

    @Test
    @DisplayName("writes the line as UTF-8 followed by one LF")
    void utf8AndLf() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        new LineWriter(wire).writeLine("héllo");
        assertArrayEquals("héllo\n".getBytes(StandardCharsets.UTF_8), wire.toByteArray(),
                "expected the UTF-8 bytes of the line and a single \\n");
    }

    @ParameterizedTest(name = "refuses {0}, writing nothing")
    @ValueSource(strings = {"two\nlines", "\nLF first", "LF last\n", "\n"})
    void refusesLf(String line) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        assertThrows(IllegalArgumentException.class, () -> new LineWriter(wire).writeLine(line),
                "a LF anywhere in a line, even first, would make it two lines on the wire");
        assertEquals(0, wire.size(), "nothing should be written for a refused line");
    }

    @Test
    @DisplayName("flushes: the peer gets the line through a buffered stream at once")
    void flushes() throws IOException {
        try (Connected connection = Connected.open()) {
            new LineWriter(new BufferedOutputStream(connection.socket().getOutputStream())).writeLine("are you there?");
            assertEquals("are you there?", connection.peerLine("did you flush() after writing?"));
        }
    }

    @Test
    @DisplayName("two threads writing at once never cut each other's lines")
    void twoThreads() throws Exception {
        SlowUnsafeStream wire = new SlowUnsafeStream();
        LineWriter writer = new LineWriter(wire);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (String name : List.of("A", "B")) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    for (int i = 0; i < 200; i++) {
                        writer.writeLine(name.repeat(8) + i);
                    }
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join(5000);
        }
        List<String> lines = LineReaderTest.allLines(new ByteArrayInputStream(wire.bytes()), 100);
        assertEquals(400, lines.size());
        for (String line : lines) {
            assertEquals(true, line.matches("(AAAAAAAA|BBBBBBBB)\\d+"),
                    "mangled line '" + line + "' - write each line in one call, under a lock");
        }
    }

    /**
     * Writes byte by byte. Each writer's first byte waits (up to 500 ms) until the other writer has
     * written its own first byte: without a lock the two lines then interleave for certain, not by
     * the luck of the scheduler; with a lock the second writer cannot get in, and the wait ends.
     */
    private static final class SlowUnsafeStream extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CountDownLatch bothWriting = new CountDownLatch(2);
        private final ThreadLocal<Boolean> started = ThreadLocal.withInitial(() -> false);

        @Override
        public void write(int b) {
            bytes.write(b);
            if (!started.get()) {
                started.set(true);
                bothWriting.countDown();
                try {
                    bothWriting.await(500, TimeUnit.MILLISECONDS); // exit: both wrote a byte, or a lock kept one out
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                write(buffer[i]);
            }
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }
}
