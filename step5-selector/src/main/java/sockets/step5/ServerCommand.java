package sockets.step5;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import sockets.step4.ChatMain;
import sockets.step4.ChatServer;
import sockets.step4.OperatorConsole;
import sockets.step4.ServerOptions;
import sockets.step4.UserTerminal;

/**
 * {@code chat server} on one thread: step 4's options ({@link ServerOptions}), the same first line
 * {@code listening on ADDR:PORT}, step 4's operator console ({@link OperatorConsole}), served by a
 * {@link SelectorServer} until the console's {@code /quit}, SIGINT or SIGTERM.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Run the chat server on one thread (a Selector). Lines typed here go to every client; /help lists the operator's commands.")
final class ServerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions options = new ServerOptions();

    @picocli.CommandLine.Option(names = "--engine", paramLabel = "ENGINE", hidden = true,
            description = "selector (this server); ./chat uses it to pick this jar")
    String engine = "selector";

    private final InputStream in;
    private final PrintStream out;

    /** The operator types on {@code in} and reads {@code out}: JLine when they are this process's terminal. */
    ServerCommand(InputStream in, PrintStream out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        if (!engine.equals("selector")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--engine " + engine + ": this is the selector engine (step 4's chat.jar runs the threads engine)");
        }
        ChatServer.Settings settings = options.settings(spec.commandLine()); // an option out of range: exit 2
        // Step 4's operator console, its log printed above the line being typed.
        try (UserTerminal console = UserTerminal.open(in, out, settings.maxLineBytes(), "/quit")) {
            PrintStream log = OperatorConsole.log(console);
            SelectorServer server = SelectorServer.start(settings, log);
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
                } catch (IOException e) {
                    log.println("console closed: " + e.getMessage());
                }
            });
            while (!server.awaitStopped(60_000)) {
                // Still serving: wait on.
            }
            String failure = server.failure();
            log.println(failure == null ? "server stopped" : "server stopped: " + failure); // once, whoever stopped it
            console.close(); // before a signal's exit: the terminal gets its settings back
            said.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException e) {
                // A signal is ending the JVM: its hook exits with 0 now that we have said so.
            }
            return failure == null ? 0 : 1;
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // Exit without waiting any longer.
        }
    }
}
