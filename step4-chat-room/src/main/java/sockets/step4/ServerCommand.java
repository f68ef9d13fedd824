package sockets.step4;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code chat server}: listens, serves until the console's {@code /quit}, SIGINT or SIGTERM. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Run the chat server. Lines typed here go to every client; /help lists the operator's commands.")
final class ServerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions options = new ServerOptions();

    @Mixin
    ServerTlsOptions tls = new ServerTlsOptions();

    private final InputStream in;
    private final PrintStream out;

    /** The operator types on {@code in} and reads {@code out}: JLine when they are this process's terminal. */
    ServerCommand(InputStream in, PrintStream out) {
        this.in = in;
        this.out = out;
    }

    /**
     * Takes the settings of its options (one out of range, or a {@code tls.problem()}: picocli's
     * usage error with the lesson's message, exit 2), starts the server with
     * {@code tls.start(settings, log)} - plain TCP, or TLS with {@code --tls} or {@code --cert} -
     * and prints {@code listening on ADDR:PORT} first, then {@code tls.describe(log)}'s lines;
     * serves the operator's console until the server stops, prints {@code server stopped} once,
     * and returns 0.
     */
    @Override
    public Integer call() throws Exception {
        // tag::solution-4.9[]
        var settings = options.settings(spec.commandLine()); // an option out of range: exit 2
        if (tls.problem() != null) { // options that do not go together: exit 2 as well
            throw new ParameterException(spec.commandLine(), tls.problem());
        }
        // The operator's terminal: the server's log goes there too, above the line being typed.
        try (UserTerminal console = UserTerminal.open(in, out, settings.maxLineBytes(), "/quit")) {
            PrintStream log = OperatorConsole.log(console);
            ChatServer server = tls.start(settings, log); // plain TCP, or TLS with --tls
            log.println("listening on " + server.address());
            tls.describe(log); // with TLS: the certificate's fingerprint, and where it is kept
            // SIGINT (Ctrl-C) and SIGTERM: shut down gracefully, let this thread say so, then exit 0.
            CountDownLatch said = new CountDownLatch(1);
            Thread onSignal = ChatMain.onSignal(() -> {
                server.shutdown();
                awaitQuietly(said);
            });
            Thread.ofPlatform().name("console").daemon().start(() -> {
                try {
                    OperatorConsole.run(server.controls(), console);
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
}
