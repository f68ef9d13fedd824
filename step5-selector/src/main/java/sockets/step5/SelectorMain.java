package sockets.step5;

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
 * Step 5's {@code chat.jar}: {@code server}, the chat on one thread, with step 4's options. Exit
 * codes as step 4's: 0 normal end, 1 runtime failure (one {@code error: ...} line), 2 bad usage.
 * Clients are step 4's: {@code java -jar step4-chat-room/target/chat.jar client} talks to it.
 */
@Command(name = "chat", mixinStandardHelpOptions = true, version = "chat 1.0 (selector)",
        description = "The chat server on one thread and a Selector (step 5). Clients: step 4's chat client, nc, telnet.")
public final class SelectorMain implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String... args) {
        int code = run(System.in, System.out, System.err, args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the command line with the given console; returns the exit code. */
    static int run(InputStream in, PrintStream out, PrintStream err, String... args) {
        CommandLine cli = new CommandLine(new SelectorMain());
        cli.addSubcommand("server", new ServerCommand(in, out));
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
        throw new ParameterException(spec.commandLine(),
                "Missing command: server (clients: java -jar step4-chat-room/target/chat.jar client)");
    }
}
