package sockets.step4;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    ClientTlsOptions tls = new ClientTlsOptions();

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
        // Before connecting: a name the server would refuse is a usage error, not a visit as a guest.
        String problem = name == null ? null : Names.problemWith(name);
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), "--name: " + problem);
        }
        if (tls.problem() != null) {
            throw new ParameterException(spec.commandLine(), tls.problem());
        }
        try (UserTerminal terminal = UserTerminal.open(in, out, ChatClient.MAX_LINE_BYTES, null)) {
            // Only a person at a terminal is asked whether to trust a server never met; a script is not.
            boolean person = terminal instanceof JLineTerminal;
            ChatClient.chat(tls.connect(host, port, terminal, person), name, terminal);
        }
        return 0;
    }
}
