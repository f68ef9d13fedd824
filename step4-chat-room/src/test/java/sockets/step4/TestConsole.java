package sockets.step4;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The operator's console of a test server, used as the operator uses it: lines typed into its
 * input, lines read from its screen (plain lines, as with stdin redirected), each within 5 s.
 */
final class TestConsole implements AutoCloseable {

    private final PipedOutputStream typing = new PipedOutputStream();
    private final CommandLineTest.PrintedLines screen = new CommandLineTest.PrintedLines();
    private final CompletableFuture<Void> running;

    /** Starts {@link OperatorConsole#run} on {@code server} and reads its greeting. */
    TestConsole(ChatControls server) throws Exception {
        PipedInputStream keyboard = new PipedInputStream(typing, 64 * 1024);
        PlainTerminal terminal = new PlainTerminal(keyboard, new PrintStream(screen, true, StandardCharsets.UTF_8), 4096);
        running = TestServer.asyncRun(() -> {
            try {
                OperatorConsole.run(server, terminal);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertEquals("type a line to send it to every client; /help lists the commands", next(),
                "the console's first line");
    }

    /** Types {@code line} and Enter. */
    void type(String line) throws IOException {
        typing.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        typing.flush();
    }

    /** The next line the console shows, within 5 s. */
    String next() throws InterruptedException {
        return screen.next(running);
    }

    /** The next {@code count} lines the console shows. */
    List<String> next(int count) throws InterruptedException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(next());
        }
        return lines;
    }

    /** Waits (5 s at most) for the console to end: after /quit, or at the end of its input. */
    void awaitEnd() throws Exception {
        running.get(5, TimeUnit.SECONDS);
    }

    /** Ends the console's input (Ctrl-D). */
    @Override
    public void close() throws IOException {
        typing.close();
    }
}
