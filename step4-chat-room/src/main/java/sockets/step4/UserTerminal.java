package sockets.step4;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * Where a person types and reads - the chat client's user, or the server's operator: plain
 * streams, a JLine terminal, or a demo script.
 */
public interface UserTerminal extends AutoCloseable {

    /** The next line the user typed, or {@code null} at end of input. */
    String readLine() throws IOException;

    /** Shows a line, without breaking a line the user is typing. */
    void show(String line);

    @Override
    void close();

    /**
     * JLine when {@code in} and {@code out} are this process's own terminal (Ctrl-C then reads as
     * {@code onCtrlC}, or as the end of input when it is null); plain lines of at most
     * {@code maxLineBytes} otherwise - stdin or stdout redirected, or streams given by a test.
     */
    static UserTerminal open(InputStream in, PrintStream out, int maxLineBytes, String onCtrlC) throws IOException {
        boolean person = in == System.in && out == System.out && isTerminal(System.console());
        return person ? new JLineTerminal(onCtrlC) : new PlainTerminal(in, out, maxLineBytes);
    }

    /** True when a person types and reads here; false when stdin or stdout is redirected. */
    static boolean isTerminal(Console console) {
        if (console == null) {
            return false; // Java 21 and 25: no console when stdin or stdout is redirected.
        }
        try {
            // Java 22-24 return a console either way; its isTerminal() tells.
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // Java 21 has no isTerminal(): a console means a terminal.
        }
    }
}
