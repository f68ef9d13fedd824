package sockets.step2;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import sockets.step1.Endpoints;

/**
 * A client to run by hand: connects with a timeout, prints both ends' addresses and what the
 * server sends until it closes. Any TCP server will do: {@link ConnectServer}, {@code nc -l}.
 */
public final class ConnectClient {

    static final String USAGE = "usage: ConnectClient [--host H] [--port N] [--timeout-ms N]";

    private ConnectClient() {}

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the client; returns the exit status: 0 done, 1 failed, 2 bad arguments. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        String host;
        int port;
        int timeoutMillis;
        try {
            Options options = Options.parse(args, Set.of("--host", "--port", "--timeout-ms"), Set.of());
            host = options.text("--host", "127.0.0.1");
            port = options.number("--port", 5555, 1, 65535);
            timeoutMillis = options.number("--timeout-ms", 3000, 1, 600_000);
        } catch (Options.UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        out.println("connecting to " + Endpoints.show(host, port) + " (timeout " + timeoutMillis + " ms)");
        // 1. Connect, with a timeout.
        try (Socket socket = Connector.connect(host, port, timeoutMillis)) {
            out.println("connected: local " + Endpoints.show(socket.getLocalSocketAddress())
                    + " -> remote " + Endpoints.show(socket.getRemoteSocketAddress()));
            // 2. Print what the server says, until it closes or goes quiet.
            socket.setSoTimeout(timeoutMillis);
            printUntilClosed(socket, timeoutMillis, out);
            return 0;
        } catch (IOException e) {
            err.println("error: " + Failures.explain(e, host, port));
            return 1;
        }
    }

    private static void printUntilClosed(Socket socket, int timeoutMillis, PrintStream out) throws IOException {
        var fromServer = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = fromServer.readLine()) != null) { // null: the server closed
                out.println("server says: " + line);
            }
            out.println("the server closed the connection");
        } catch (SocketTimeoutException quiet) {
            out.println("nothing from the server for " + timeoutMillis + " ms, closing");
        }
    }
}
