package sockets.step3.framing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
        PausingStream wire = new PausingStream();
        LineWriter writer = new LineWriter(wire);
        Thread first = Thread.ofPlatform().start(() -> write(writer, "AAAAAAAA"));
        assertTrue(wire.firstByteWritten.await(5, TimeUnit.SECONDS), "writeLine() wrote nothing to the stream");
        // The first writer is paused in the middle of its line. The second one either waits for
        // the lock, or - with none - writes its whole line into the middle of the first.
        Thread second = Thread.ofPlatform().start(() -> write(writer, "BBBBBBBB"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (second.getState() != Thread.State.BLOCKED && second.getState() != Thread.State.WAITING
                && second.getState() != Thread.State.TERMINATED) { // exit: the second writer waits or is done
            assertTrue(System.nanoTime() < deadline, "the second writer neither waited nor finished: " + second.getState());
            Thread.onSpinWait();
        }
        wire.resume.countDown();
        first.join(5000);
        second.join(5000);
        assertEquals(List.of("AAAAAAAA", "BBBBBBBB"), LineReaderTest.allLines(new ByteArrayInputStream(wire.bytes()), 100),
                "a line was cut by the other thread's line - write each line in one call, under a lock");
    }

    private static void write(LineWriter writer, String line) {
        try {
            writer.writeLine(line);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Keeps every byte written, and pauses the first writer right after its first byte until the
     * test says resume: whoever writes meanwhile lands in the middle of that line. It takes no lock
     * of its own, so it cannot hide a missing one.
     */
    private static final class PausingStream extends OutputStream {
        private final ConcurrentLinkedQueue<Byte> bytes = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean paused = new AtomicBoolean();
        final CountDownLatch firstByteWritten = new CountDownLatch(1);
        final CountDownLatch resume = new CountDownLatch(1);

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            for (int i = offset; i < offset + length; i++) {
                bytes.add(buffer[i]);
                if (paused.compareAndSet(false, true)) {
                    firstByteWritten.countDown();
                    try {
                        if (!resume.await(10, TimeUnit.SECONDS)) {
                            throw new IOException("the test never resumed the first writer");
                        }
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                }
            }
        }

        byte[] bytes() {
            byte[] all = new byte[bytes.size()];
            int i = 0;
            for (byte b : bytes) {
                all[i++] = b;
            }
            return all;
        }
    }
}
