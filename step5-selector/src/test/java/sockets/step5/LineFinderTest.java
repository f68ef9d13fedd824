package sockets.step5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sockets.step3.framing.LineTooLongException;
import sockets.testing.Exercise;

@Exercise("5.3")
@DisplayName("5.3 LineFinder: lines in a buffer, as a connection's reads fill it")
class LineFinderTest {

    /** A connection's input as the loop fills it: put (a read), then the lines out, then compact. */
    private static final class Input {
        final LineFinder finder;
        final ByteBuffer buffer;
        final List<String> lines = new ArrayList<>();
        int tooLong;

        Input(int maxLineBytes, int capacity) {
            finder = new LineFinder(maxLineBytes);
            buffer = ByteBuffer.allocate(capacity);
        }

        /** Bytes arrive, then every whole line is taken out; what is unfinished stays. */
        Input arrive(String text) {
            return arrive(text.getBytes(StandardCharsets.UTF_8));
        }

        Input arrive(byte[] bytes) {
            buffer.put(bytes);
            buffer.flip();
            while (true) {
                ByteBuffer line;
                try {
                    line = finder.next(buffer);
                } catch (LineTooLongException e) {
                    tooLong++;
                    continue;
                }
                if (line == null) {
                    break;
                }
                lines.add(StandardCharsets.UTF_8.decode(line).toString());
            }
            buffer.compact();
            return this;
        }

        /** The end of the stream: what is left counts as a last line. */
        Input end() {
            buffer.flip();
            ByteBuffer rest = finder.rest(buffer);
            if (rest != null) {
                lines.add(StandardCharsets.UTF_8.decode(rest).toString());
            }
            buffer.compact();
            return this;
        }
    }

    private static Input input() {
        return new Input(4096, 64 * 1024);
    }

    @Test
    @DisplayName("finds every line of one read, without its LF or CRLF")
    void severalLinesInOneRead() {
        assertEquals(List.of("hello", "crlf line", "", "last"), input().arrive("hello\ncrlf line\r\n\nlast\n").lines);
    }

    @Test
    @DisplayName("keeps an unfinished line at the front of the buffer until its LF comes")
    void lineSplitAcrossReads() {
        Input input = input().arrive("hel");
        assertEquals(List.of(), input.lines, "no line before its LF");
        assertEquals(3, input.buffer.position(), "the unfinished 'hel' should stay in the buffer, compacted to its front");
        input.arrive("lo wor").arrive("ld\nnext");
        assertEquals(List.of("hello world"), input.lines);
        input.arrive("\n");
        assertEquals(List.of("hello world", "next"), input.lines);
    }

    @Test
    @DisplayName("a line one byte per read, in a buffer just big enough for it: the buffer is compacted each time")
    void oneBytePerRead() {
        Input input = new Input(8, 10);
        for (int round = 0; round < 50; round++) {
            for (byte b : "12345678\r\n".getBytes(StandardCharsets.US_ASCII)) {
                input.arrive(new byte[] {b});
            }
        }
        assertEquals(50, input.lines.size(), "50 lines of 10 bytes through a 10-byte buffer - is it compacted after each read?");
        assertEquals("12345678", input.lines.get(49));
    }

    @Test
    @DisplayName("a character split across reads is decoded whole")
    void utf8SplitAcrossReads() {
        byte[] bytes = "né 👋\n".getBytes(StandardCharsets.UTF_8);
        Input input = input();
        for (byte b : bytes) {
            input.arrive(new byte[] {b});
        }
        assertEquals(List.of("né 👋"), input.lines);
    }

    @Nested
    @DisplayName("the limit (4096 bytes)")
    class Limit {

        @ParameterizedTest(name = "{0} bytes pass, with LF and with CRLF")
        @ValueSource(ints = {1, 4095, 4096})
        void exact(int length) {
            String line = "x".repeat(length);
            Input input = input().arrive(line + "\n" + line + "\r\n");
            assertEquals(List.of(line, line), input.lines);
            assertEquals(0, input.tooLong);
        }

        @Test
        @DisplayName("4097 bytes: refused once, as soon as they are there - the next line works")
        void refusedAtOnce() {
            Input input = input().arrive("y".repeat(4097));
            assertEquals(1, input.tooLong, "4097 bytes without LF are already too long: say so now");
            assertEquals(0, input.buffer.position(), "the over-long line's bytes should be dropped, not kept");
            input.arrive("y".repeat(10_000)).arrive("yyy\nnext line\n");
            assertEquals(1, input.tooLong, "one over-long line is refused once");
            assertEquals(List.of("next line"), input.lines, "after the over-long line, the next one is read whole");
        }

        @Test
        @DisplayName("4096 bytes and a CR may wait for their LF; a 2-, 3- or 4-byte character is never split")
        void crAtTheLimit() {
            Input input = input().arrive("z".repeat(4096) + "\r");
            assertEquals(0, input.tooLong, "4096 bytes and the CR of a CRLF are not too long yet");
            input.arrive("\n");
            assertEquals(List.of("z".repeat(4096)), input.lines);
            String text = "é".repeat(2048); // 4096 bytes
            assertEquals(List.of(text), input().arrive(text + "\n").lines);
            assertEquals(1, input().arrive("é".repeat(2048) + "a\n").tooLong);
        }

        @Test
        @DisplayName("throws step 3's LineTooLongException, which names the limit")
        void exception() throws LineTooLongException {
            LineFinder finder = new LineFinder(5);
            ByteBuffer buffer = ByteBuffer.wrap("123456\n".getBytes(StandardCharsets.US_ASCII));
            LineTooLongException e = assertThrows(LineTooLongException.class, () -> finder.next(buffer));
            assertEquals(5, e.limit());
            assertNull(finder.next(buffer), "the over-long line was dropped up to its LF: nothing is left");
        }
    }

    @Nested
    @DisplayName("at the end of the stream")
    class End {

        @Test
        @DisplayName("a last line without LF counts")
        void lastLineWithoutLf() {
            assertEquals(List.of("one", "two"), input().arrive("one\ntwo").end().lines);
            assertEquals(List.of("cr dropped"), input().arrive("cr dropped\r").end().lines);
        }

        @Test
        @DisplayName("nothing left is no line; nor is the rest of an over-long one")
        void nothingLeft() {
            assertEquals(List.of("one"), input().arrive("one\n").end().lines);
            Input input = input().arrive("q".repeat(5000)).end();
            assertEquals(List.of(), input.lines);
            assertEquals(1, input.tooLong);
        }
    }
}
