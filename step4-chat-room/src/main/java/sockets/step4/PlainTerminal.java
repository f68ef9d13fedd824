package sockets.step4;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import sockets.step3.framing.LineReader;
import sockets.step3.framing.LineTooLongException;

/** The client's terminal when stdin or stdout is redirected: plain lines in, plain lines out. */
final class PlainTerminal implements UserTerminal {

    private final LineReader in;
    private final PrintStream out;

    PlainTerminal(InputStream in, PrintStream out, int maxLineBytes) {
        this.in = new LineReader(in, maxLineBytes);
        this.out = out;
    }

    @Override
    public String readLine() throws IOException {
        while (true) {
            try {
                return in.readLine();
            } catch (LineTooLongException e) {
                // Skip it rather than send it: the server would refuse it anyway.
                show("! your line was too long (more than " + e.limit() + " bytes) - not sent");
            }
        }
    }

    @Override
    public void show(String line) {
        out.println(line);
        out.flush();
    }

    @Override
    public void close() {
        out.flush();
    }
}
