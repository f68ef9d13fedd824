package sockets.step4;

import java.io.IOException;

/** Where the chat client's user types and reads: plain streams, a JLine terminal, or a demo script. */
interface UserTerminal extends AutoCloseable {

    /** The next line the user typed, or {@code null} at end of input. */
    String readLine() throws IOException;

    /** Shows a line that arrived, without breaking a line the user is typing. */
    void show(String line);

    @Override
    void close();
}
