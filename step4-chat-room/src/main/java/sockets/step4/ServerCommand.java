package sockets.step4;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code chat server}: listens, serves until the console's {@code /quit}, SIGINT or SIGTERM. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Run the chat server. Lines typed here go to every client; /help lists the operator's commands.")
final class ServerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

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

    private final InputStream in;
    private final PrintStream out;

    /** The operator types on {@code in} and reads {@code out}: JLine when they are this process's terminal. */
    ServerCommand(InputStream in, PrintStream out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        // tag::solution-4.9[]
        check(port >= 0 && port <= 65535, "--port must be 0 to 65535");
        check(maxLine >= 1, "--max-line must be at least 1");
        check(maxClients >= 1, "--max-clients must be at least 1");
        check(idleTimeout >= 0 && idleTimeout <= 86_400, "--idle-timeout must be 0 to 86400 seconds");
        check(stallTimeout >= 1 && stallTimeout <= 3_600, "--stall-timeout must be 1 to 3600 seconds");
        var settings = new ChatServer.Settings(bind, port, maxLine, maxClients, idleTimeout * 1000, stallTimeout * 1000);
        // The operator's terminal: the server's log goes there too, above the line being typed.
        try (UserTerminal console = UserTerminal.open(in, out, maxLine, "/quit")) {
            PrintStream log = OperatorConsole.log(console);
            ChatServer server = ChatServer.start(settings, log);
            log.println("listening on " + server.address());
            // SIGINT (Ctrl-C) and SIGTERM: shut down gracefully, let this thread say so, then exit 0.
            CountDownLatch said = new CountDownLatch(1);
            Thread onSignal = ChatMain.onSignal(() -> {
                server.shutdown();
                awaitQuietly(said);
            });
            Thread.ofPlatform().name("console").daemon().start(() -> {
                try {
                    OperatorConsole.run(server, console);
                } catch (java.io.IOException e) {
                    log.println("console closed: " + e.getMessage());
                }
            });
            while (!server.awaitStopped(60_000)) {
                // Still serving: wait on.
            }
            log.println("server stopped"); // Once, whoever stopped it.
            console.close(); // Before a signal's exit: the terminal gets its settings back.
            said.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException e) {
                // A signal is ending the JVM: its hook exits with 0 now that we have said so.
            }
        }
        return 0;
        // end::solution-4.9[]
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // Exit without waiting any longer.
        }
    }

    private void check(boolean ok, String problem) {
        if (!ok) {
            throw new ParameterException(spec.commandLine(), problem);
        }
    }
}
