package sockets.step3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Ungraded: frames between Java ({@link FrameServer}) and a program in another language, the
 * Python peer {@code peers/frames.py}. Skipped where there is no {@code python3} - a student's
 * machine needs only a JDK - unless {@value #REQUIRE} is set (CI sets it: there, no python3 fails).
 */
@Timeout(20)
@DisplayName("Frames with a program in another language (Python)")
class OtherLanguageTest {

    static final String REQUIRE = "SOCKETS_REQUIRE_PYTHON";
    static final Path PEER = Path.of("peers", "frames.py");

    @BeforeAll
    static void needsPython() throws InterruptedException {
        boolean found = pythonRuns();
        if (!found && System.getenv(REQUIRE) != null) {
            fail(REQUIRE + " is set, but python3 does not run here");
        }
        assumeTrue(found, "no python3 on this machine: the Python peer is not tried");
    }

    @Test
    @DisplayName("a Python client's frames (struct.pack('!I')) reach FrameReader, and FrameWriter's reach it back")
    void pythonTalksToJava() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (ServerSocket listener = FrameServerTest.listen()) {
            CompletableFuture<Void> server = FrameServerTest.serveOne(listener, log);
            ExternalProgram python = run("127.0.0.1", Integer.toString(listener.getLocalPort()), "hello from Python", "a LF\ninside");
            // The server's own failure first: where FrameServer stopped (e.g. at an exercise not
            // done yet) says more than the Python peer's "the server closed the connection".
            server.get(5, TimeUnit.SECONDS);
            assertEquals(0, python.exit(), "python3 " + PEER + " failed: " + python.err());
            assertEquals(List.of("sent 17 bytes, got back: got 17 bytes: hello from Python",
                    "sent 11 bytes, got back: got 11 bytes: a LF", "inside"), python.out().lines().toList());
        }
    }

    @Test
    @DisplayName("a Python client that sends its length little-endian ('<I') is refused, not believed")
    void littleEndianIsRefused() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (ServerSocket listener = FrameServerTest.listen()) {
            CompletableFuture<Void> server = FrameServerTest.serveOne(listener, log);
            ExternalProgram python = run("--little-endian", "127.0.0.1", Integer.toString(listener.getLocalPort()), "hi");
            server.get(5, TimeUnit.SECONDS);
            assertEquals(1, python.exit(), "the server closed: the Python peer should fail");
            assertEquals("error: the server closed the connection", python.err().strip());
            assertTrue(log.toString(StandardCharsets.UTF_8).contains("frame of 33554432 bytes, over the limit"),
                    log.toString(StandardCharsets.UTF_8));
        }
    }

    /** Runs the Python peer with {@code args}. */
    static ExternalProgram run(String... args) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of("python3", PEER.toString()));
        command.addAll(List.of(args));
        // UTF-8 whatever the machine's locale.
        return ExternalProgram.run(command, Map.of("PYTHONIOENCODING", "utf-8"));
    }

    private static boolean pythonRuns() throws InterruptedException {
        return ExternalProgram.run(List.of("python3", "--version"), Map.of()).exit() == 0;
    }
}
