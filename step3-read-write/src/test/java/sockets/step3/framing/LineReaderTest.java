package sockets.step3.framing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import sockets.step3.Streams;
import sockets.testing.Exercise;

@Exercise("3.3")
@Timeout(10)
@DisplayName("LineReader")
class LineReaderTest {

    static List<String> allLines(InputStream in, int max) throws IOException {
        LineReader reader = new LineReader(in, max);
        List<String> lines = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lines.add(line);
        }
        return lines;
    }

    @Nested
    @DisplayName("cuts a byte stream into lines")
    class Framing {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                LF ends a line                 | one\\ntwo\\n     | one,two
                CRLF ends a line too           | one\\r\\ntwo\\r\\n | one,two
                an empty line is a line        | \\n\\nx\\n        | ,,x
                a lone CR inside stays         | a\\rb\\n          | a\\rb
                a last line without LF counts  | one\\ntail       | one,tail
                """)
        void splitsLines(String what, String input, String expected) throws IOException {
            List<String> lines = allLines(Streams.of(unescape(input)), 100);
            assertEquals(List.of(unescape(expected).split(",", -1)), lines,
                    what + ": check where you cut the line and that a CR before the LF is dropped");
        }

        @Test
        @DisplayName("two lines that arrive in one read come out as two lines")
        void twoLinesInOneRead() throws IOException {
            LineReader reader = new LineReader(Streams.of("hello\nworld\n"), 100);
            assertEquals("hello", reader.readLine(), "first line - stop at the first LF, keep the rest for later");
            assertEquals("world", reader.readLine(), "second line - the bytes after the first LF must not be lost");
            assertNull(reader.readLine(), "end of stream should give null");
        }

        @Test
        @DisplayName("a line that arrives one byte per read comes out whole")
        void oneByteAtATime() throws IOException {
            List<String> lines = allLines(Streams.oneByteAtATime(Streams.of("hello\r\nworld\n")), 100);
            assertEquals(List.of("hello", "world"), lines, "keep reading until the LF: one read() is not one line");
        }

        @Test
        @DisplayName("a UTF-8 character cut between two reads is decoded whole")
        void utf8SplitAcrossReads() throws IOException {
            byte[] bytes = "café 日本\n".getBytes(StandardCharsets.UTF_8);
            InputStream split = new SequenceInputStream(new ByteArrayInputStream(bytes, 0, 4),
                    new ByteArrayInputStream(bytes, 4, bytes.length - 4));
            assertEquals("café 日本", new LineReader(split, 100).readLine(),
                    "decode the whole line's bytes at once, never each read() on its own");
        }

        @Test
        @DisplayName("invalid UTF-8 becomes U+FFFD instead of an error")
        void invalidUtf8() throws IOException {
            InputStream junk = new ByteArrayInputStream(new byte[] {'o', 'k', (byte) 0xff, (byte) 0xc3, '\n'});
            assertEquals("ok\uFFFD\uFFFD", new LineReader(junk, 100).readLine(),
                    "decode with new String(bytes, UTF_8), which replaces bad bytes with U+FFFD");
        }

        @Test
        @DisplayName("end of stream gives null, again and again")
        void nullAtEnd() throws IOException {
            LineReader reader = new LineReader(Streams.of(""), 100);
            assertNull(reader.readLine(), "an empty stream has no line: return null at -1");
            assertNull(reader.readLine(), "still null on the next call");
        }
    }

    @Nested
    @DisplayName("keeps memory bounded")
    class Bounded {

        @Test
        @DisplayName("a line of exactly the limit is fine, with LF or CRLF")
        void exactlyTheLimit() throws IOException {
            assertEquals(List.of("12345", "abcde"), allLines(Streams.of("12345\nabcde\r\n"), 5),
                    "the limit counts the line's bytes without its LF or CRLF");
        }

        @Test
        @DisplayName("a line of exactly a larger limit is fine too, with LF or CRLF")
        void exactlyALargerLimit() throws IOException {
            String lf = "x".repeat(1000);
            String crlf = "y".repeat(1000);
            assertEquals(List.of(lf, crlf), allLines(Streams.of(lf + "\n" + crlf + "\r\n"), 1000),
                    "1000 bytes and a LF or a CRLF fit a 1000-byte limit: keep room for the CR");
        }

        @Test
        @DisplayName("the limit holds when a line arrives one byte per read, CRLF split across reads")
        void exactlyTheLimitOneByteAtATime() throws IOException {
            LineReader reader = new LineReader(Streams.oneByteAtATime(Streams.of("12345\r\n123456\r\nok\n")), 5);
            assertEquals("12345", reader.readLine(), "5 bytes and a CRLF, read one byte at a time, fit a 5-byte limit");
            assertThrows(LineTooLongException.class, reader::readLine, "6 bytes must not fit, however they arrive");
            assertEquals("ok", reader.readLine(), "the long line is skipped up to its LF");
        }

        @Test
        @DisplayName("one byte over the limit is an error, and the next line still works")
        void overTheLimit() throws IOException {
            LineReader reader = new LineReader(Streams.of("123456\nnext\n"), 5);
            LineTooLongException e = assertThrows(LineTooLongException.class, reader::readLine,
                    "a 6-byte line with a 5-byte limit must throw LineTooLongException");
            assertEquals(5, e.limit(), "the exception carries the limit");
            assertEquals("next", reader.readLine(), "after the error the rest of the long line is skipped");
        }

        @Test
        @DisplayName("a megabyte line is refused, and the stream goes on")
        void megabyteLine() throws IOException {
            LineReader reader = new LineReader(Streams.of("x".repeat(1 << 20) + "\nafter\n"), 1000);
            assertThrows(LineTooLongException.class, reader::readLine, "a 1 MB line with a 1000-byte limit");
            assertEquals("after", reader.readLine(), "the next call skips to the end of the long line");
            assertNull(reader.readLine());
        }

        @ParameterizedTest(name = "a line that never ends is refused after reading at most 64 KB past a limit of {0}")
        @ValueSource(ints = {4096, 300_000})
        void endlessLine(int limit) {
            Streams.Endless endless = new Streams.Endless();
            LineReader reader = new LineReader(endless, limit);
            assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> assertThrows(LineTooLongException.class, reader::readLine),
                    "an endless line must end in LineTooLongException, not in OutOfMemoryError - is readLine bounded?");
            assertTrue(endless.handedOut() <= limit + 64 * 1024 + 1,
                    "throw as soon as the limit is passed, reading at most 64 KB at a time; read "
                            + endless.handedOut() + " bytes first");
        }

        @Test
        @DisplayName("an over-long last line at end of stream is not returned")
        void overLongAtEnd() throws IOException {
            LineReader reader = new LineReader(Streams.of("ok\n" + "y".repeat(50)), 10);
            assertEquals("ok", reader.readLine());
            assertThrows(LineTooLongException.class, reader::readLine);
            assertNull(reader.readLine(), "the rest of the refused line is skipped, then end of stream");
        }

        @Test
        @DisplayName("the smallest limit, 1 byte, allows lines of one byte, with LF or CRLF")
        void oneByteLimit() throws IOException {
            assertEquals(List.of("a", "b", ""), allLines(Streams.of("a\nb\r\n\n"), 1));
            LineReader reader = new LineReader(Streams.of("ab\nc\n"), 1);
            assertThrows(LineTooLongException.class, reader::readLine, "2 bytes with a limit of 1");
            assertEquals("c", reader.readLine(), "the rest of the long line is skipped");
        }
    }

    static String unescape(String text) {
        return text.replace("\\n", "\n").replace("\\r", "\r");
    }
}
