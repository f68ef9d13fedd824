package sockets.step4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sockets.testing.CapturedOutput;
import sockets.testing.Exercise;
import sockets.testing.LoopbackClient;

/**
 * Exercise 4.9 for what the server command does (usage errors, limits, the server's lines, SIGTERM); --help, the
 * launcher, the client's unknown host and a bad option of picocli are given code, checked for no points.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@DisplayName("The chat command line")
class CommandLineTest {

    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

    record Run(int exitCode, String out, String err) {}

    static Run chat(String... args) {
        return chatTyping("", args);
    }

    /** Runs the chat with {@code typed} as its console input. */
    static Run chatTyping(String typed, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ChatMain.run(new java.io.ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Lines printed by code running on another thread, waited for with a deadline. */
    static final class PrintedLines extends OutputStream {
        private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                lines.add(current.toString(StandardCharsets.UTF_8));
                current.reset();
            } else {
                current.write(b);
            }
        }

        /** The next line within 5 s; fails at once if {@code printer} ended without printing one. */
        String next(Future<?> printer) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (true) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null) {
                    return line;
                }
                if (printer.isDone() && lines.isEmpty()) {
                    throw new AssertionError("the program ended without printing a line"
                            + (printer.state() == Future.State.SUCCESS ? " (exit code " + printer.resultNow() + ")" : ""));
                }
                if (System.nanoTime() > end) {
                    throw new AssertionError("no line printed within 5 s");
                }
            }
        }
    }

    @Exercise("4.9")
    @Nested
    @DisplayName("chat server")
    class Server {
        @Test
        @DisplayName("prints 'listening on ADDR:PORT' first, serves, and exits 0 on the console's /quit")
        void listensThenQuits() throws Exception {
            PrintedLines out = new PrintedLines();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            try (PipedOutputStream typing = new PipedOutputStream(); PipedInputStream console = new PipedInputStream(typing)) {
                var server = TestServer.async(() -> ChatMain.run(console, new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8), "server", "--port", "0",
                        "--idle-timeout", "60", "--stall-timeout", "5"));
                String firstLine;
                try {
                    firstLine = out.next(server);
                } catch (AssertionError nothing) { // what it said instead ("error: ...") is why
                    throw new AssertionError(nothing.getMessage() + "; on stderr: " + err.toString(StandardCharsets.UTF_8).strip());
                }
                Matcher first = LISTENING.matcher(firstLine);
                assertTrue(first.matches(), "the first line must be 'listening on 127.0.0.1:PORT'");
                try (LoopbackClient client = LoopbackClient.connect(Integer.parseInt(first.group(1)))) {
                    client.expectLine(line -> line.startsWith("* welcome"), "a welcome from the server started by the CLI");
                    typing.write("/quit\n".getBytes(StandardCharsets.UTF_8));
                    typing.flush();
                    client.expectLine(line -> line.equals("* server is shutting down"), "the shutdown notice");
                }
                assertEquals(0, server.get(10, TimeUnit.SECONDS), "exit code after the console's /quit");
            }
        }

        @Test
        @DisplayName("exits 1 with one error line when the address is not this machine's - no 'in use' hint")
        void addressNotOurs() {
            Run run = chat("server", "--bind", "192.0.2.1", "--port", "0"); // TEST-NET-1: never a local address
            assertEquals(1, run.exitCode(), run.err());
            assertEquals(1, run.err().lines().count(), "one line, no stack trace: " + run.err());
            assertTrue(run.err().startsWith("error: cannot listen on 192.0.2.1:0: "), run.err());
            assertFalse(run.err().contains("in use") || run.err().contains("another server"),
                    "the port-in-use hint fits only a port in use: " + run.err());
        }

        @Test
        @DisplayName("--port 65535 and --max-line 1 are in range: the server tries them (here on an address not ours)")
        void highestPortAndShortestLineAccepted() {
            // 192.0.2.1 is never a local address: the listen fails, so no port is taken - but only
            // after the options were found in range (out of range is exit 2 with the usage).
            Run run = chat("server", "--bind", "192.0.2.1", "--port", "65535", "--max-line", "1");
            assertEquals(1, run.exitCode(), "65535 and 1 are allowed, not usage errors: " + run.err());
            assertTrue(run.err().startsWith("error: cannot listen on 192.0.2.1:65535: "), run.err());
        }

        @Test
        @DisplayName("exits 1 with one error line when the port is in use")
        void portInUse() throws Exception {
            try (SimpleServerSocket taken = SimpleServerSocket.listen("127.0.0.1", 0, 4096)) {
                Run run = chat("server", "--port", String.valueOf(taken.localPort()));
                assertEquals(1, run.exitCode());
                assertEquals(1, run.err().lines().count(), "one line, no stack trace: " + run.err());
                assertTrue(run.err().startsWith("error: cannot listen on 127.0.0.1:" + taken.localPort()), run.err());
            }
        }
    }

    @Exercise("4.9")
    @ParameterizedTest(name = "''{0}'' is a usage error: exit 2 with the usage text")
    @ValueSource(strings = {"", "frobnicate", "server --port not-a-number", "server --port 70000",
            "server --max-clients 0", "server --max-line 0", "server --idle-timeout -1", "server --stall-timeout 0",
            "server --idle-timeout 86401", "server --stall-timeout 3601", "server --port -1",
            "client --port 0", "client --port 65536", "client --nonsense"})
    void usageErrors(String args) {
        Run run = chat(args.isEmpty() ? new String[0] : args.split(" "));
        assertEquals(2, run.exitCode(), "exit code for '" + args + "'; err: " + run.err());
        assertTrue(run.err().contains("Usage: chat"), "the usage text goes with a usage error: " + run.err());
        assertFalse(run.err().contains("Exception"), "never a stack trace: " + run.err());
    }

    @Test
    @DisplayName("--help on each command prints its usage and exits 0")
    void help() {
        for (String command : List.of("", "server", "client", "demo")) {
            Run run = chat(command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"});
            assertEquals(0, run.exitCode());
            assertTrue(run.out().startsWith("Usage: chat" + (command.isEmpty() ? "" : " " + command)), run.out());
        }
    }

    @Test
    @DisplayName("an unknown host is a runtime failure: exit 1, one error line")
    void unknownHost() {
        Run run = chat("client", "--host", "no-such-host.invalid", "--port", "5555");
        assertEquals(1, run.exitCode());
        assertEquals("error: unknown host 'no-such-host.invalid': the name does not resolve to any address", run.err().strip());
    }

    @Nested
    @DisplayName("run as a program (a child JVM)")
    class AsAProgram {
        @Exercise("4.9")
        @ParameterizedTest(name = "{0}: every client is told and nobody paired again, ''server stopped'' once, exit 0")
        @ValueSource(strings = {"TERM", "INT"})
        @Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a new JVM: slow to start on a busy machine
        void signal(String signal) throws Exception {
            // Into a file: a pipe read while the process exits can fail with "Stream closed".
            Path printed = Files.createTempFile("chat-server", ".out");
            // No coverage agent: the server's hook halts, and could cut JaCoCo's file mid-write.
            List<String> command = new java.util.ArrayList<>(signalRestored(signal));
            command.addAll(sockets.testing.ChildJvm.commandWithoutCoverage(ChatMain.class.getName(), "server", "--port", "0"));
            // Its errors apart: a server that cannot start says why there ("error: ...") and ends.
            Path errors = Files.createTempFile("chat-server", ".err");
            Process server = new ProcessBuilder(command).redirectOutput(printed.toFile()).redirectError(errors.toFile()).start();
            List<LoopbackClient> clients = new java.util.ArrayList<>();
            try {
                RobustnessTest.waitFor(() -> lines(printed).size() > 0 || !server.isAlive(), "the server's first line (a new JVM)", 30);
                Matcher listening = LISTENING.matcher(lines(printed).isEmpty() ? "" : lines(printed).getFirst());
                assertTrue(listening.matches(), () -> "first line: 'listening on 127.0.0.1:PORT': " + lines(printed)
                        + "; on stderr: " + lines(errors));
                int port = Integer.parseInt(listening.group(1));
                for (String name : List.of("alice", "bob", "carol")) { // alice and bob talk, carol waits
                    LoopbackClient client = LoopbackClient.connect(port);
                    clients.add(client);
                    client.send("/nick " + name);
                    client.expectLine(line -> line.equals("* you are now " + name), "'* you are now " + name + "'");
                }
                clients.getFirst().expectLine(line -> line.equals("* guest-2 is now bob"), "alice paired with bob");
                // Ctrl-C is SIGINT; kill (and Process.destroy) send SIGTERM.
                assertEquals(0, new ProcessBuilder("kill", "-" + signal, String.valueOf(server.pid())).start().waitFor());
                for (LoopbackClient client : clients) {
                    assertEquals("* server is shutting down", client.readLine(), "the notice on SIG" + signal
                            + ", and nothing before it (no '* NAME left', no new partner)");
                    assertEquals(null, client.readLine(), "after the notice nothing more, then the end of the stream");
                    client.close();
                }
                assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server should exit after SIG" + signal);
                assertEquals(0, server.exitValue(), "exit 0 after a graceful shutdown on SIG" + signal);
                assertEquals(1, lines(printed).stream().filter(line -> line.equals("server stopped")).count(),
                        "'server stopped' once, whoever stopped the server: " + lines(printed));
            } finally {
                for (LoopbackClient client : clients) {
                    client.close();
                }
                server.destroyForcibly();
                Files.deleteIfExists(printed);
                Files.deleteIfExists(errors);
            }
        }

        /**
         * Nothing, or the words that start the server with {@code signal} handled as usual when this
         * process ignores it: a script run in the background ignores SIGINT, and a child inherits
         * that, so Ctrl-C could not be tested. GNU env can undo it; where it cannot, the test is skipped.
         */
        private static List<String> signalRestored(String signal) throws Exception {
            if (!ignoredHere(signal)) {
                return List.of();
            }
            List<String> env = List.of("env", "--default-signal=" + signal);
            List<String> probe = new java.util.ArrayList<>(env);
            probe.add("true");
            Process check = new ProcessBuilder(probe).redirectErrorStream(true).start();
            boolean works = check.waitFor(10, TimeUnit.SECONDS) && check.exitValue() == 0;
            org.junit.jupiter.api.Assumptions.assumeTrue(works, "SIG" + signal + " is ignored by this test's"
                    + " process (started in the background by a script?), and env --default-signal cannot undo it");
            return env;
        }

        /** True when this process ignores {@code signal} (Linux: /proc/self/status); a child inherits that. */
        private static boolean ignoredHere(String signal) throws IOException {
            Path status = Path.of("/proc/self/status");
            if (!Files.exists(status)) {
                return false;
            }
            int number = signal.equals("INT") ? 2 : 15;
            String ignored = Files.readAllLines(status).stream().filter(line -> line.startsWith("SigIgn:"))
                    .findFirst().orElse("SigIgn: 0").substring("SigIgn:".length()).strip();
            return new java.math.BigInteger(ignored, 16).testBit(number - 1);
        }

        /** The complete lines in {@code file} so far. */
        private static List<String> lines(Path file) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                return text.lines().limit(text.endsWith("\n") ? Long.MAX_VALUE : Math.max(0, text.lines().count() - 1)).toList();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Test
        @DisplayName("a bad option: exit 2, usage, no stack trace")
        void badOption() throws Exception {
            Process process = childJvm("server", "--port", "not-a-number").redirectErrorStream(true).start();
            try {
                var output = TestServer.async(() -> {
                    try {
                        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    } catch (Exception e) {
                        return "unreadable: " + e;
                    }
                });
                assertTrue(process.waitFor(30, TimeUnit.SECONDS), "a usage error ends the program at once");
                String printed = output.get(5, TimeUnit.SECONDS);
                assertEquals(2, process.exitValue(), printed);
                assertTrue(printed.contains("Usage: chat server"), printed);
                assertFalse(printed.contains("Exception"), "never a stack trace: " + printed);
            } finally {
                process.destroyForcibly();
            }
        }
    }

    @Test
    @DisplayName("the launcher: reads Java versions, and re-runs the chat with another java")
    void launcher() throws Exception {
        assertEquals(8, ChatLauncher.feature("1.8"));
        assertEquals(17, ChatLauncher.feature("17.0.2"));
        assertEquals(21, ChatLauncher.feature("21"));
        assertEquals("chat 1.0", CapturedOutput.of(() -> ChatLauncher.main(new String[] {"--version"})).strip(),
                "on Java 21+ the launcher runs the chat in the same JVM");
        assertEquals(1, ChatLauncher.runElsewhere(null, "chat.jar", new String[] {"demo"}), "no JDK 21+: exit 1");
        // /bin/false stands in for a java that runs the chat and fails: its exit code must come back.
        org.junit.jupiter.api.Assumptions.assumeTrue(new java.io.File("/bin/false").canExecute(), "needs /bin/false");
        assertEquals(1, ChatLauncher.runElsewhere("/bin/false", "chat.jar", new String[] {"demo"}));
        assertEquals(1, ChatLauncher.relaunch("/bin/false", "classes", new String[0]));
    }

    @Test
    @DisplayName("the launcher re-runs the chat with the user's -D options and the same arguments, and no other JVM option")
    void launcherKeepsSystemProperties() {
        List<String> options = ChatLauncher.systemProperties(List.of("-Djdk.virtualThreadScheduler.parallelism=8",
                "-XX:+UseConcMarkSweepGC", "-Xmx64m", "-Dchat.x=a b"));
        assertEquals(List.of("-Djdk.virtualThreadScheduler.parallelism=8", "-Dchat.x=a b"), options,
                "-D options go on; flags the newer java may not know stay behind");
        assertEquals(List.of("/jdk21/bin/java", "-Dchat.x=a b", "-jar", "chat.jar", "server", "--port", "0"),
                ChatLauncher.command("/jdk21/bin/java", List.of("-Dchat.x=a b"), "chat.jar", new String[] {"server", "--port", "0"}));
        assertEquals(List.of("/jdk21/bin/java", "-cp", "classes", ChatLauncher.class.getName(), "demo"),
                ChatLauncher.command("/jdk21/bin/java", List.of(), "classes", new String[] {"demo"}));
    }

    @Test
    @DisplayName("the launcher runs the class a jar's manifest names as Chat-Main (step 5's jar), else ChatMain")
    void launcherRunsTheJarsChatMain(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assertEquals("sockets.step4.ChatMain", ChatLauncher.chatMain("target/classes"));
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Chat-Main", "sockets.step5.SelectorMain");
        Path jar = dir.resolve("other.jar");
        try (var out = new java.util.jar.JarOutputStream(java.nio.file.Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        assertEquals("sockets.step5.SelectorMain", ChatLauncher.chatMain(jar.toString()));
        assertEquals("sockets.step4.ChatMain", ChatLauncher.chatMain(dir.resolve("missing.jar").toString()));
    }

    @Test
    @DisplayName("the launcher finds a JDK 21+ as the course's scripts do (.mvn/pick-jdk.sh): JAVA_HOME first, never an older one")
    void launcherFindsJava21() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(new java.io.File("/bin/sh").canExecute(), "needs /bin/sh");
        Path jdks = Files.createTempDirectory("jdks");
        try {
            Path old = fakeJdk(jdks.resolve("old"), "17.0.9");
            Path recent = fakeJdk(jdks.resolve("recent"), "25.0.1");
            var environment = new java.util.HashMap<>(System.getenv());
            environment.put("JAVA_HOME", recent.toString());
            assertEquals(recent.resolve("bin/java").toString(), ChatLauncher.findJava21(17, environment),
                    "a JAVA_HOME of 21 or newer is the one");
            environment.put("JAVA_HOME", old.toString());
            PrintStream realErr = System.err;
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            try {
                assertEquals(null, ChatLauncher.findJava21(17, environment), "a JAVA_HOME older than 21 is never used");
            } finally {
                System.setErr(realErr);
            }
            String said = err.toString(StandardCharsets.UTF_8);
            assertEquals("error: this course needs JDK 21 or newer, but JAVA_HOME=" + old + " is JDK 17. Point JAVA_HOME"
                    + " at a JDK 21+ (see README, Prerequisites).", said.strip(), "one line saying so");
        } finally {
            try (var files = Files.walk(jdks)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** A stand-in JDK in {@code home}: its {@code bin/java -version} says {@code version}. */
    private static Path fakeJdk(Path home, String version) throws IOException {
        Path java = home.resolve("bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"" + version + "\" 2025-10-21' >&2\n");
        Files.copy(java, home.resolve("bin/javac"));
        java.toFile().setExecutable(true);
        home.resolve("bin/javac").toFile().setExecutable(true);
        return home;
    }

    @Exercise("4.9")
    @Test
    @DisplayName("the server accepts each option's limits: it serves, and the console's /quit ends it with exit 0")
    void serverLimitsAccepted() {
        for (String options : List.of("--max-clients 1 --idle-timeout 86400 --stall-timeout 3600",
                "--idle-timeout 0 --stall-timeout 1")) {
            Run run = chatTyping("/quit\n", ("server --port 0 " + options).split(" "));
            assertEquals(0, run.exitCode(), "server " + options + ": " + run.err());
            List<String> lines = run.out().lines().toList();
            assertTrue(LISTENING.matcher(lines.getFirst()).matches(), "first 'listening on 127.0.0.1:PORT': " + lines);
            assertEquals(List.of("type a line to send it to every client; /help lists the commands", "server stopped"),
                    lines.subList(1, lines.size()), "what the operator sees with server " + options);
        }
    }

    private static ProcessBuilder childJvm(String... args) {
        return new ProcessBuilder(sockets.testing.ChildJvm.command(ChatMain.class.getName(), args));
    }
}
