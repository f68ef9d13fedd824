package sockets.step5;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sockets.testing.ChildJvm;

/**
 * Step 5's {@code chat server --port 0} in a JVM of its own, for the tests that signal it or lower
 * its limits; what it prints (output and errors) goes to a file. In the student edition its loop
 * may stop at a stub: the server prints the stub's message and exits 1, so a test that waits for
 * it, or whose client it reset, stops naming that stub ({@link #stubFirst}) - the exercise to do
 * first - instead of "Connection reset".
 */
final class ServerJvm implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern STUB = Pattern.compile("Exercise \\d+\\.\\d+: .*");

    private final Process process;
    private final Path printed;

    private ServerJvm(Process process, Path printed) {
        this.process = process;
        this.printed = printed;
    }

    /** Starts the server, its command after {@code prefix} (e.g. prlimit's), without the coverage agent. */
    static ServerJvm start(List<String> prefix) throws IOException {
        Path printed = Files.createTempFile("selector-server", ".out");
        List<String> command = new ArrayList<>(prefix);
        // Without the coverage agent: a signal ends it, and a halt while JaCoCo writes would truncate its file.
        command.addAll(ChildJvm.commandWithoutCoverage(SelectorMain.class.getName(), "server", "--port", "0"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(printed.toFile()).start();
        return new ServerJvm(process, printed);
    }

    /** The port of its first line, {@code listening on 127.0.0.1:PORT}, once printed (a new JVM: seconds under load). */
    int port() {
        waitFor(() -> !lines().isEmpty(), "the server's first line (a new JVM)");
        Matcher listening = LISTENING.matcher(lines().getFirst());
        if (!listening.matches()) {
            stubFirst(); // an uncaught stub's trace may come first
            throw new AssertionError("first line: 'listening on 127.0.0.1:PORT': " + lines());
        }
        return Integer.parseInt(listening.group(1));
    }

    /** Waits at most 30 s for {@code condition}, stopping at once if the server printed a stub's message. */
    void waitFor(BooleanSupplier condition, String what) {
        TestServer.waitFor(() -> {
            failIfStub();
            return condition.getAsBoolean();
        }, what, 30);
    }

    /**
     * A client of this server failed (reset, refused): if the server is ending, waits for it - at
     * most 10 s - and fails naming the stub it stopped at, if it did; else returns and the caller
     * throws its own failure.
     */
    void stubFirst() {
        try {
            process.waitFor(10, TimeUnit.SECONDS); // a stubbed server exits 1 once it has said why
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failIfStub();
    }

    /** The complete lines it printed so far. */
    List<String> lines() {
        return CommandLineTest.lines(printed);
    }

    long count(String text) {
        return lines().stream().filter(line -> line.contains(text)).count();
    }

    Process process() {
        return process;
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(printed);
    }

    private void failIfStub() {
        for (String line : lines()) {
            Matcher stub = STUB.matcher(line);
            if (stub.find()) {
                throw new UnsupportedOperationException(stub.group()); // what the grade reads as "do N.k first"
            }
        }
    }
}
