package sockets.step4;

import java.io.IOError;
import java.io.IOException;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp;

/**
 * The client's terminal when a person types: JLine edits the line (arrows, history) and prints
 * arriving messages above it, so what you are typing is never cut in two.
 */
final class JLineTerminal implements UserTerminal {

    private final Terminal terminal;
    private final LineReader reader;

    /** On this process's own terminal. */
    JLineTerminal() throws IOException {
        this(TerminalBuilder.builder().system(true).build());
    }

    JLineTerminal(Terminal terminal) {
        this.terminal = terminal;
        this.reader = LineReaderBuilder.builder().terminal(terminal).build();
    }

    @Override
    public String readLine() {
        try {
            return reader.readLine("> ");
        } catch (EndOfFileException | UserInterruptException e) {
            return null; // Ctrl-D or Ctrl-C: leave the chat gracefully.
        } catch (IOError e) {
            return null; // The terminal was closed under us: the chat is over anyway.
        }
    }

    @Override
    public void show(String line) {
        reader.printAbove(line);
    }

    @Override
    public void close() {
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
