package sockets.step4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Ungraded (given code): the JLine terminal of the client and of the server's console, on an
 * xterm-like terminal of our own streams - keys typed in, the screen read back - as a person at a
 * real terminal would type.
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@DisplayName("The JLine terminal (client and console)")
class TerminalTest {

    private PipedOutputStream keys;
    private ByteArrayOutputStream screen;
    private Terminal terminal;

    /** A JLine terminal of type xterm on streams of its own: no real terminal, no native code. */
    private JLineTerminal open(String onCtrlC) throws IOException {
        keys = new PipedOutputStream();
        screen = new ByteArrayOutputStream();
        terminal = new ExternalTerminal("test", "xterm-256color", new PipedInputStream(keys), screen, StandardCharsets.UTF_8);
        return new JLineTerminal(terminal, onCtrlC);
    }

    private void type(String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    private String screen() {
        terminal.flush();
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8);
        }
    }

    @AfterEach
    void close() throws IOException {
        keys.close();
    }

    @Test
    @DisplayName("reads what is typed, shows what arrives, and end of input (Ctrl-D) reads as the end")
    void typeAndShow() throws Exception {
        try (JLineTerminal user = open(null)) {
            type("hello\r");
            assertEquals("hello", user.readLine());
            user.show("<bob> hi");
            assertTrue(screen().contains("<bob> hi"), "a line arriving is shown");
            type("\u0004"); // Ctrl-D on an empty line
            assertEquals(null, user.readLine(), "Ctrl-D reads as the end of input");
        }
        assertFalse(UserTerminal.isTerminal(null), "no console: stdin or stdout is redirected");
    }

    @Test
    @DisplayName("a paste of 5 lines is 5 lines, each returned as it comes: bracketed paste stays off")
    void pasteSendsEachLine() throws Exception {
        try (JLineTerminal user = open(null)) {
            // Without bracketed paste a terminal types a paste as keys, a line break as Enter (CR).
            type("one\rtwo\rthree\rfour\rfive\r");
            for (String line : new String[] {"one", "two", "three", "four", "five"}) {
                assertEquals(line, user.readLine(), "each pasted line is read, and sent, on its own");
            }
            assertFalse(screen().contains("\u001b[?2004h"), "the terminal must not be asked for bracketed paste:"
                    + " it would hand the 5 lines over as one edit that nothing sends until Enter");
        }
    }

    @Test
    @DisplayName("Tab types a tab, and !! is text, not history")
    void typedAsText() throws Exception {
        try (JLineTerminal user = open(null)) {
            type("a\tb\r");
            assertEquals("a\tb", user.readLine(), "Tab must not be swallowed (there is nothing to complete)");
            type("wow!!\r");
            assertEquals("wow!!", user.readLine(), "!! must not expand to the previous line");
        }
    }

    @Test
    @DisplayName("a narrower window: the line being typed is redrawn from its first row, leaving no stale copy above")
    void resize() throws Exception {
        try (JLineTerminal user = open(null)) {
            terminal.setSize(new Size(120, 20));
            Thread[] reader = new Thread[1];
            var line = ClientEnd.onThread(reader, user::readLine);
            String typed = "a long line typed in a wide window that wraps when narrowed"; // 2 + 59 columns
            type(typed);
            // Echoed, and JLine waits for the next key: the resize comes between two keys, as a person's does.
            ClientEnd.awaitWaiting(reader[0], () -> screen().contains(typed));
            int before = screen().length();
            terminal.setSize(new Size(30, 20)); // The terminal re-wraps the line: 3 rows, the cursor on the third.
            terminal.raise(Terminal.Signal.WINCH);
            ClientEnd.waitFor(() -> screen().indexOf("narrowed", before) > 0, "the line redrawn");
            String redraw = screen().substring(before);
            // Up 2 rows to the line's first row, to its start, clear to the end of the screen, draw.
            assertTrue(redraw.startsWith("\u001b[2A\r\u001b[J> " + typed), "the redraw must start at the line's first"
                    + " row, or that row stays on the screen as a stale copy; it wrote: " + redraw.replace("\u001b", "ESC"));
            type("\r");
            assertEquals(typed, line.get(5, java.util.concurrent.TimeUnit.SECONDS));
        }
    }

    @Test
    @DisplayName("Ctrl-C reads as the console's /quit, or as the client's end of input")
    void ctrlC() throws Exception {
        try (JLineTerminal console = open("/quit")) {
            assertEquals("/quit", pressCtrlC(console, "half-typed"), "Ctrl-C at the console: /quit");
        }
        try (JLineTerminal client = open(null)) {
            assertEquals(null, pressCtrlC(client, "half-typed"), "Ctrl-C in the client: leave, as at end of input");
        }
    }

    /** Types {@code text}, then Ctrl-C (the signal the terminal raises for it); what readLine() returned. */
    private String pressCtrlC(JLineTerminal user, String text) throws Exception {
        Thread[] reader = new Thread[1];
        var line = ClientEnd.onThread(reader, user::readLine);
        type(text);
        // Echoed, and JLine waiting for the next key: Ctrl-C comes between two keys, as a person's does.
        ClientEnd.awaitWaiting(reader[0], () -> screen().contains(text));
        terminal.raise(Terminal.Signal.INT);
        return line.get(5, java.util.concurrent.TimeUnit.SECONDS);
    }
}
