package sockets.step5;

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
import sockets.step4.ServerOptions;

/**
 * {@code chat server} on one thread: step 4's options ({@link ServerOptions}), the same first line
 * {@code listening on ADDR:PORT}, served by a {@link SelectorServer} until the console's
 * {@code /quit}, SIGINT or SIGTERM.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Run the chat server on one thread (a Selector). Lines typed here go to every client; /quit stops it.")
final class ServerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions options = new ServerOptions();

    @picocli.CommandLine.Option(names = "--engine", paramLabel = "ENGINE", hidden = true,
            description = "selector (this server); ./chat uses it to pick this jar")
    String engine = "selector";

    private final InputStream console;
    private final PrintStream out;

    ServerCommand(InputStream console, PrintStream out) {
        this.console = console;
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        if (!engine.equals("selector")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--engine " + engine + ": this is the selector engine (step 4's chat.jar runs the threads engine)");
        }
        SelectorServer server = SelectorServer.start(options.settings(spec.commandLine()), out);
        out.println("listening on " + server.address());
        out.println("type a line to send it to every client, /quit to stop the server");
        // SIGINT (Ctrl-C) and SIGTERM: shut down gracefully, let this thread say so, then exit 0.
        CountDownLatch said = new CountDownLatch(1);
        Thread onSignal = ChatMain.onSignal(() -> {
            server.shutdown();
            awaitQuietly(said);
        });
        Thread.ofPlatform().name("console").daemon().start(() -> {
            try {
                server.console(console);
            } catch (java.io.IOException e) {
                out.println("console closed: " + e.getMessage());
            }
        });
        while (!server.awaitStopped(60_000)) {
            // Still serving: wait on.
        }
        String failure = server.failure();
        out.println(failure == null ? "server stopped" : "server stopped: " + failure); // once, whoever stopped it
        out.flush();
        said.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(onSignal);
        } catch (IllegalStateException e) {
            // A signal is ending the JVM: its hook exits with 0 now that we have said so.
        }
        return failure == null ? 0 : 1;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // Exit without waiting any longer.
        }
    }
}
