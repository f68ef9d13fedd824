package sockets.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
@DisplayName("The sandbox of a grading build (bubblewrap; skipped where it is missing)")
class SandboxTest {

    @TempDir
    Path temp;
    Path work;
    Sandbox sandbox;

    @BeforeEach
    void sandbox() throws IOException {
        sandbox = Sandbox.detect(System.getenv());
        assumeTrue(sandbox.active(), sandbox.note());
        work = Files.createDirectories(temp.resolve("work"));
    }

    /** Runs {@code script} with bash, in the sandbox when {@code sandboxed}; returns its exit code. */
    private int run(boolean sandboxed, String script) throws IOException, InterruptedException {
        List<String> command = List.of("bash", "-c", script);
        Map<String, String> env = System.getenv();
        Process process = new ProcessBuilder(sandboxed ? sandbox.wrap(work, Set.of(), command, env) : command)
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("out.txt").toFile()).start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the script did not end");
        return process.exitValue();
    }

    private static List<ProcessHandle> running(String marker) {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(marker)).toList();
    }

    @Test
    @DisplayName("kills every process the build left behind when it ends")
    void killsWhatIsLeftBehind() throws Exception {
        // Seconds no other process sleeps: the sleeper is found by its command line.
        String marker = "sleep 3" + (1000 + ProcessHandle.current().pid() % 1000) + "7";
        // The script leaves once the sleeper runs (its command line is sleep's), so it can be found.
        String leaveOneBehind = marker + " & p=$!; until grep -qa sleep /proc/$p/cmdline; do :; done; echo $p > left.pid; exit 0";
        assertEquals(0, run(true, leaveOneBehind));
        // The kernel ends the sandbox's processes as its first process ends: wait for that, with a deadline.
        for (ProcessHandle left : running(marker)) {
            try {
                left.onExit().get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                left.destroyForcibly();
                throw new AssertionError("a process started in the sandbox outlived it by 10 s: " + left.pid());
            }
        }
        // Outside the sandbox the same script does leave it behind: the check above can see one.
        assertEquals(0, run(false, leaveOneBehind));
        ProcessHandle left = ProcessHandle.of(Long.parseLong(Files.readString(work.resolve("left.pid")).trim()))
                .orElseThrow(() -> new AssertionError("the control without a sandbox left no process: the check proves nothing"));
        try {
            assertTrue(left.isAlive(), "the control without a sandbox left no process: the check proves nothing");
        } finally {
            left.destroyForcibly();
        }
    }

    @Test
    @DisplayName("lets the build write its own folder only")
    void writesItsFolderOnly() throws Exception {
        // Out of /tmp (private in the sandbox): where the course and the rest of the system are.
        Path outside = Files.writeString(Path.of("target", "sandbox-test-" + ProcessHandle.current().pid() + ".txt")
                .toAbsolutePath(), "the course's\n");
        try {
            assertNotEquals(0, run(true, "echo changed > " + outside));
            assertEquals("the course's\n", Files.readString(outside, StandardCharsets.UTF_8));
        } finally {
            Files.delete(outside);
        }
        assertEquals(0, run(true, "echo built > " + work.resolve("result.txt")));
        assertEquals("built\n", Files.readString(work.resolve("result.txt"), StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("has no network but a loopback of its own: a server of this machine is out of reach")
    void noNetwork() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String connect = "exec 3<>/dev/tcp/127.0.0.1/" + server.getLocalPort();
            assertEquals(0, run(false, connect), "the control: outside the sandbox the server is reachable");
            assertNotEquals(0, run(true, connect), "the sandbox reached a server of the machine");
        }
    }
}
