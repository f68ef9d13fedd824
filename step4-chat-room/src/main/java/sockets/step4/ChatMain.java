package sockets.step4;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code chat} command: {@code server}, {@code client} and {@code demo}. Exit codes: 0 normal
 * end, 1 runtime failure (one {@code error: ...} line), 2 bad usage (with the usage text).
 */
@Command(name = "chat", mixinStandardHelpOptions = true, version = "chat 1.0",
        description = "A one-to-one chat room over TCP: run a server, connect clients, or watch the demo.")
public final class ChatMain implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String... args) {
        moreCarriersThanCores();
        int code = run(System.in, System.out, System.err, args);
        // Exit 0 by returning (the threads left are daemons), so `exec:java` can run the demo too.
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Two carriers per core for the virtual threads, unless {@code -Djdk.virtualThreadScheduler.parallelism}
     * says otherwise. Nothing preempts a virtual thread, and a flooding room's two threads (the
     * sender's session, the partner's writer) wake each other on one carrier, which runs what it
     * woke before other rooms' wake-ups: with one carrier per core, two floods on two cores kept
     * a quiet room's round trip at p99 30-85 ms (2 ms p50). Carriers are platform threads, and the
     * kernel does preempt those: with four, the quiet room stayed at p99 4-10 ms, each flood as
     * fast (benchmarks/HISTORY.md). Read once, when the first virtual thread starts - hence here.
     */
    static void moreCarriersThanCores() {
        String carriers = "jdk.virtualThreadScheduler.parallelism";
        if (System.getProperty(carriers) == null) {
            System.setProperty(carriers, String.valueOf(2 * Runtime.getRuntime().availableProcessors()));
        }
    }

    /**
     * On SIGINT (Ctrl-C) or SIGTERM, runs {@code stop} - a graceful shutdown - then ends the JVM
     * with exit 0 instead of 143. Returns the hook, to remove once the program stops otherwise.
     */
    public static Thread onSignal(Runnable stop) {
        Thread hook = new Thread(() -> {
            stop.run();
            // halt, not exit: exit() waits for the shutdown hooks, and this is one of them.
            Runtime.getRuntime().halt(0);
        }, "on-signal");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /** Runs the command line with the given console; returns the exit code. */
    static int run(InputStream in, PrintStream out, PrintStream err, String... args) {
        CommandLine cli = new CommandLine(new ChatMain());
        cli.addSubcommand("server", new ServerCommand(in, out));
        cli.addSubcommand("client", new ClientCommand(in, out));
        cli.addSubcommand("demo", new DemoCommand(out));
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            // A user's mistake or the network: one line, never a stack trace.
            String message = e.getMessage() != null ? e.getMessage() : e.toString();
            command.getErr().println("error: " + message);
            return 1;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: server, client or demo");
    }

    /** {@code chat demo}: the step's tour. */
    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = "A server and two scripted clients chat on loopback; both screens shown.")
    static final class DemoCommand implements java.util.concurrent.Callable<Integer> {
        private final PrintStream out;

        DemoCommand(PrintStream out) {
            this.out = out;
        }

        @Override
        public Integer call() throws Exception {
            Demo.run(out);
            out.println("Now try it yourself: chat server, then chat client in two terminals.");
            return 0;
        }
    }
}
