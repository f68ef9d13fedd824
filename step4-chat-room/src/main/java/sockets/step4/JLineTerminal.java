package sockets.step4;

import java.io.IOError;
import java.io.IOException;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.keymap.KeyMap;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp;

/**
 * The terminal when a person types: JLine edits the line (arrows, history) and prints arriving
 * lines above it, so what you are typing is never cut in two. Set up for chat, not for a shell:
 * what you type is sent as typed ({@code !!} is not history, Tab is a tab), and a paste of N lines
 * sends N lines, one after the other; a resized window gets the line redrawn where it now is.
 */
final class JLineTerminal implements UserTerminal {

    private final Terminal terminal;
    private final LineReader reader;
    private final String onCtrlC;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * On this process's own terminal. Ctrl-C reads as {@code onCtrlC} (the console's
     * {@code /quit}), or as the end of input when it is null (the client leaves).
     */
    JLineTerminal(String onCtrlC) throws IOException {
        this(TerminalBuilder.builder().system(true).build(), onCtrlC);
    }

    JLineTerminal(Terminal terminal, String onCtrlC) {
        this.terminal = terminal;
        this.onCtrlC = onCtrlC;
        this.reader = new ChatLineReader(terminal);
        // A chat line is text, not a shell command: "wow!!" stays "wow!!".
        reader.setOpt(LineReader.Option.DISABLE_EVENT_EXPANSION);
        // Without bracketed paste the terminal types a paste as keys: each line break is an Enter,
        // so each pasted line is sent as it comes, and shown as sent.
        reader.unsetOpt(LineReader.Option.BRACKETED_PASTE);
        // Tab completes nothing here: let it type a tab, which the chat keeps.
        reader.getKeyMaps().get(LineReader.MAIN).bind(new Reference(LineReader.SELF_INSERT), KeyMap.ctrl('I'));
    }

    @Override
    public String readLine() {
        try {
            return reader.readLine("> ");
        } catch (UserInterruptException e) {
            return onCtrlC; // Ctrl-C: the console's /quit, or the client leaving gracefully.
        } catch (EndOfFileException e) {
            return null; // Ctrl-D.
        } catch (IOError e) {
            return null; // The terminal was closed under us: the chat is over anyway.
        }
    }

    @Override
    public void show(String line) {
        if (!closed.get()) { // Once closed, a late log line has nowhere to go.
            reader.printAbove(line);
        }
    }

    /**
     * JLine's line reader, redrawing the line being typed where the terminal put it after a resize.
     * Terminals that re-wrap their lines to the new width (tmux, VTE, iTerm2, Windows Terminal)
     * move that line and the cursor with them; JLine's own redraw starts from a row worked out
     * with the old width, which leaves a stale copy of the line's first rows above it.
     */
    private static final class ChatLineReader extends LineReaderImpl {
        ChatLineReader(Terminal terminal) {
            super(terminal, "chat", new HashMap<>());
        }

        @Override
        protected void handleSignal(Terminal.Signal signal) {
            if (signal != Terminal.Signal.WINCH) {
                super.handleSignal(signal);
                return;
            }
            lock.lock(); // JLine's own lock: the reading thread may be drawing too.
            try {
                if (prompt == null) {
                    return; // Not reading a line now: nothing to redraw.
                }
                size.copy(terminal.getBufferSize());
                // Up to the line's first row - the cursor's row in the line as re-wrapped - then clear below.
                int beforeCursor = prompt.columnLength()
                        + new AttributedString(buf.substring(0, buf.cursor())).columnLength();
                int rowsUp = beforeCursor / Math.max(1, size.getColumns());
                if (rowsUp > 0) {
                    terminal.puts(InfoCmp.Capability.parm_up_cursor, rowsUp);
                }
                terminal.puts(InfoCmp.Capability.carriage_return);
                terminal.puts(InfoCmp.Capability.clr_eos);
                // A display that knows what is true now: nothing drawn, the cursor where the line starts.
                display = new Display(terminal, false);
                display.resize(size.getRows(), size.getColumns());
                skipRedisplay = false;
                redisplay();
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        // Wipe the "> " prompt left behind, so the shell's prompt starts on a clean line.
        terminal.puts(InfoCmp.Capability.carriage_return);
        terminal.puts(InfoCmp.Capability.clr_eol);
        terminal.flush();
        try {
            terminal.close();
        } catch (IOException e) {
            // The terminal is going away with the process: nothing to restore.
        }
    }
}
