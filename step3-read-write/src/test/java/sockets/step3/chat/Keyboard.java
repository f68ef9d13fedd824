package sockets.step3.chat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;

/** A scripted user's keyboard: what the test types is what the program reads from its input. */
final class Keyboard implements AutoCloseable {

    private final PipedInputStream in = new PipedInputStream(64 * 1024);
    private final PipedOutputStream keys;

    Keyboard() throws IOException {
        keys = new PipedOutputStream(in);
    }

    InputStream in() {
        return in;
    }

    void type(String line) throws IOException {
        keys.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /** End of input, like Ctrl-D. */
    @Override
    public void close() throws IOException {
        keys.close();
    }
}
