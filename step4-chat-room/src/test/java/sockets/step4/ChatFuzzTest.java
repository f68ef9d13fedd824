package sockets.step4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import sockets.step3.framing.LineReader;
import sockets.step3.framing.LineTooLongException;
import sockets.testing.Exercise;

/**
 * Fuzz tests of what the server does with a peer's bytes: its line decoder and its command parser.
 * In a normal test run each runs its seeds (src/test/resources/.../ChatFuzzTestInputs); with
 * JAZZER_FUZZ=1 (.ci/fuzz) Jazzer mutates inputs for the given time, looking for a broken property.
 */
@Exercise("4.7")
@DisplayName("Fuzzing the server's input handling")
class ChatFuzzTest {

    private static final String TOO_LONG = "(too long)";

    /**
     * Input: byte 0 picks the line limit (1-64), byte 1 the size of each arriving piece (1-16),
     * the rest is the stream. The decoder must give what a plain model gives: split at LF, one CR
     * before it dropped, longer than the limit refused, UTF-8 decoded with U+FFFD - whatever the
     * pieces; and nothing it gives may carry a control character once cleaned. Exercise 4.4:
     * HarmlessText and step 3's LineReader decide it, not the session of 4.7.
     */
    @Exercise("4.4")
    @FuzzTest(maxDuration = "20s")
    @DisplayName("lines are decoded the same however they arrive, limits hold, control characters never pass")
    void linesAreDecodedTheSameHoweverTheyArrive(byte[] input) throws IOException {
        if (input.length < 2) {
            return;
        }
        int maxLine = (input[0] & 63) + 1;
        int piece = (input[1] & 15) + 1;
        byte[] stream = Arrays.copyOfRange(input, 2, input.length);
        List<String> got = decode(new InPieces(stream, piece), maxLine);
        assertEquals(model(stream, maxLine), got, "limit " + maxLine + ", pieces of " + piece + " bytes");
        for (String line : got) {
            String shown = HarmlessText.clean(line);
            assertEquals(line.length(), shown.length(), "cleaning replaces, never drops or adds");
            assertTrue(shown.chars().noneMatch(ChatFuzzTest::isControl), "a control character passed: " + shown);
        }
    }

    /** Any text after a '/' parses: a lower-case verb without spaces, an argument without spaces around it. */
    @FuzzTest(maxDuration = "20s")
    @DisplayName("any command line parses into a verb and a trimmed argument, and its error reply is harmless")
    void anyCommandLineParses(byte[] input) {
        String line = "/" + new String(input, StandardCharsets.UTF_8);
        ChatCommand command = ChatCommand.parse(line);
        assertFalse(command.verb().matches(".*\\s.*"), "a verb has no spaces: '" + command.verb() + "'");
        assertTrue(command.verb().startsWith("/"), "the verb keeps its slash: '" + command.verb() + "'");
        assertEquals(command.verb().toLowerCase(Locale.ROOT), command.verb(), "verbs are compared in lower case");
        assertEquals(command.argument().strip(), command.argument(), "no spaces around the argument");
        assertTrue(line.contains(command.argument()), "the argument is part of the line");
        String reply = HarmlessText.clean("! unknown command " + command.verb() + " - type /help");
        assertTrue(reply.chars().noneMatch(ChatFuzzTest::isControl), "the error reply echoes a control character");
    }

    /** What {@link LineReader} reads from {@code in}: each line, or {@link #TOO_LONG} for a refused one. */
    private static List<String> decode(InputStream in, int maxLine) throws IOException {
        LineReader reader = new LineReader(in, maxLine);
        List<String> lines = new ArrayList<>();
        while (true) {
            try {
                String line = reader.readLine();
                if (line == null) {
                    return lines; // End of the stream.
                }
                lines.add(line);
            } catch (LineTooLongException e) {
                lines.add(TOO_LONG);
            }
        }
    }

    /** The protocol's rules, written the plain way: the whole stream at once. */
    private static List<String> model(byte[] stream, int maxLine) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= stream.length; i++) {
            boolean end = i == stream.length;
            if (!end && stream[i] != '\n') {
                continue;
            }
            int length = i - start;
            if (end && length == 0) {
                break; // Nothing after the last LF.
            }
            if (length > 0 && stream[start + length - 1] == '\r') {
                length--;
            }
            lines.add(length > maxLine ? TOO_LONG : new String(stream, start, length, StandardCharsets.UTF_8));
            start = i + 1;
        }
        return lines;
    }

    private static boolean isControl(int c) {
        return (c < 0x20 && c != '\t') || (c >= 0x7F && c <= 0x9F);
    }

    /** A stream that hands out at most {@code piece} bytes per read, like a network that fragments. */
    private static final class InPieces extends ByteArrayInputStream {
        private final int piece;

        InPieces(byte[] bytes, int piece) {
            super(bytes);
            this.piece = piece;
        }

        @Override
        public synchronized int read(byte[] buffer, int offset, int length) {
            return super.read(buffer, offset, Math.min(length, piece));
        }
    }
}
