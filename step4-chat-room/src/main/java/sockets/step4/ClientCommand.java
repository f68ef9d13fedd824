package sockets.step4;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code chat client}: connects and chats; exit 0 after the server's goodbye, 1 otherwise. */
@Command(name = "client", mixinStandardHelpOptions = true,
        description = "Connect to a chat server. Type to talk; /quit or Ctrl-D leaves.")
final class ClientCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--host", paramLabel = "H", description = "server name or address (default: ${DEFAULT-VALUE})")
    String host = "127.0.0.1";

    @Option(names = "--port", paramLabel = "N", description = "server port (default: ${DEFAULT-VALUE})")
    int port = 5555;

    @Option(names = "--name", paramLabel = "NAME", description = "your name: 1-20 of A-Z a-z 0-9 _ -")
    String name;

    private final InputStream in;
    private final PrintStream out;

    ClientCommand(InputStream in, PrintStream out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        if (port < 1 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be 1 to 65535");
        }
        boolean person = in == System.in && out == System.out && isTerminal(System.console());
        try (UserTerminal terminal = person ? new JLineTerminal()
                : new PlainTerminal(in, out, ChatClient.MAX_LINE_BYTES)) {
            ChatClient.chat(host, port, name, terminal);
        }
        return 0;
    }

    /** True when a person types and reads here; false when stdin or stdout is redirected. */
    static boolean isTerminal(Console console) {
        if (console == null) {
            return false; // Java 21 and 25: no console when stdin or stdout is redirected.
        }
        try {
            // Java 22-24 return a console either way; its isTerminal() tells.
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // Java 21 has no isTerminal(): a console means a terminal.
        }
    }
}
