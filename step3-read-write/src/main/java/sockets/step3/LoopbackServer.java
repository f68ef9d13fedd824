package sockets.step3;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import sockets.step1.Endpoints;

/**
 * The command line the step's servers share ({@link EchoServer}, {@link FrameServer}):
 * {@code [PORT [CLIENTS]]}, a listening socket on loopback only, one line for each error.
 */
final class LoopbackServer {

    /** What a server does with its listening socket: serve {@code clients} clients, logging to {@code log}. */
    @FunctionalInterface
    interface Serving {
        void serve(ServerSocket listener, int clients, PrintStream log) throws IOException;
    }

    private LoopbackServer() {}

    /** The whole program, minus {@code System.exit}: returns the exit code (0, 1 failed, 2 bad usage). */
    static int run(String[] args, int defaultPort, String usage, Serving serving, PrintStream out, PrintStream err) {
        int port;
        int clients;
        try {
            port = args.length > 0 ? Arguments.port(args[0]) : defaultPort;
            clients = args.length > 1 ? Arguments.positive("CLIENTS", args[1]) : Integer.MAX_VALUE;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(usage);
            return 2;
        }
        // 1. Listen on loopback only: these servers are not something to offer the whole network.
        try (ServerSocket listener = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            out.println("listening on " + Endpoints.show(listener.getLocalSocketAddress()));
            serving.serve(listener, clients, out);
            return 0;
        } catch (BindException e) {
            err.println("error: cannot listen on port " + port + ": " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }
}
