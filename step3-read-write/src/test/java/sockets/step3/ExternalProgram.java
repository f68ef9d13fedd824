package sockets.step3;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import sockets.testing.Background;

/** A program outside the JVM that a test runs (python3, unshare): its exit code and what it printed. */
record ExternalProgram(int exit, String out, String err) {

    /** Runs {@code command} with nothing on its stdin, at most 20 s; exit -1 when it cannot start. */
    static ExternalProgram run(List<String> command, Map<String, String> environment)
            throws InterruptedException {
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException notThere) {
            return new ExternalProgram(-1, "", notThere.toString());
        }
        CompletableFuture<String> out = readAll(process.getInputStream());
        CompletableFuture<String> err = readAll(process.getErrorStream());
        try {
            process.getOutputStream().close();
        } catch (IOException alreadyGone) {
            // The program ended before we closed its input: its exit code says how.
        }
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("'" + String.join(" ", command) + "' did not end within 20 s");
        }
        return new ExternalProgram(process.exitValue(), out.join(), err.join());
    }

    private static CompletableFuture<String> readAll(InputStream stream) {
        return Background.supply(() -> {
            try {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
    }
}
