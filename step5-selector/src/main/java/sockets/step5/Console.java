package sockets.step5;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import sockets.step3.framing.LineReader;
import sockets.step3.framing.LineTooLongException;

/**
 * The server's console, on a thread of its own (it blocks on the keyboard, the loop never may):
 * each line the operator types goes to every client as {@code <server> TEXT}, {@code /quit} shuts
 * the server down. End of input just ends the console: a server started in the background keeps
 * serving.
 */
final class Console {

    private Console() {}

    static void run(SelectorServer server, InputStream in, PrintStream log, int maxLineBytes) throws IOException {
        LineReader console = new LineReader(in, maxLineBytes);
        while (!server.stopping()) {
            String line;
            try {
                line = console.readLine();
            } catch (LineTooLongException e) {
                log.println("! line too long (more than " + e.limit() + " bytes) - not sent");
                continue;
            }
            if (line == null) {
                return; // End of the console's input: keep serving without an operator.
            }
            if (line.strip().equals("/quit")) {
                server.shutdown();
                return; // The operator stopped the server.
            }
            if (!line.isBlank()) {
                server.broadcast(line);
            }
        }
    }
}
