package sockets.step4;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options of {@code chat server}, checked and turned into {@link ChatServer.Settings}: a
 * picocli mixin, so that every server of the protocol (step 5's too) takes the same command line.
 */
public final class ServerOptions {

    @Option(names = "--port", paramLabel = "N", description = "TCP port, 0 for any free one (default: ${DEFAULT-VALUE})")
    int port = 5555;

    @Option(names = "--bind", paramLabel = "ADDR",
            description = "address to listen on; 0.0.0.0 for a lab network (default: ${DEFAULT-VALUE})")
    String bind = "127.0.0.1";

    @Option(names = "--max-line", paramLabel = "BYTES", description = "longest line accepted (default: ${DEFAULT-VALUE})")
    int maxLine = 4096;

    @Option(names = "--max-clients", paramLabel = "N", description = "clients at once (default: ${DEFAULT-VALUE})")
    int maxClients = 1000;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS",
            description = "disconnect a client silent this long, 0 for never (default: ${DEFAULT-VALUE})")
    int idleTimeout = 0;

    @Option(names = "--stall-timeout", paramLabel = "SECONDS",
            description = "disconnect a client that reads none of its waiting lines this long (default: ${DEFAULT-VALUE})")
    int stallTimeout = ChatServer.DEFAULT_STALL_MILLIS / 1000;

    /** The settings these options give; an option out of range is bad usage (exit 2, with the usage text). */
    public ChatServer.Settings settings(CommandLine command) {
        check(command, port >= 0 && port <= 65535, "--port must be 0 to 65535");
        check(command, maxLine >= 1, "--max-line must be at least 1");
        check(command, maxClients >= 1, "--max-clients must be at least 1");
        check(command, idleTimeout >= 0 && idleTimeout <= 86_400, "--idle-timeout must be 0 to 86400 seconds");
        check(command, stallTimeout >= 1 && stallTimeout <= 3_600, "--stall-timeout must be 1 to 3600 seconds");
        return new ChatServer.Settings(bind, port, maxLine, maxClients, idleTimeout * 1000, stallTimeout * 1000);
    }

    private static void check(CommandLine command, boolean ok, String problem) {
        if (!ok) {
            throw new ParameterException(command, problem);
        }
    }
}
