package sockets.step2;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import sockets.step1.Endpoints;

/**
 * A sequential server to run by hand: listens, then greets each client that connects with the
 * address it sees the client at, and closes. Connect to it with {@link ConnectClient} or
 * {@code nc}; watch it with {@code ss -tan}.
 */
public final class ConnectServer {

    static final String USAGE = "usage: ConnectServer [--bind ADDR] [--port N] [--backlog N]"
            + " [--clients N] [--hold-ms N] [--no-reuse]";

    private ConnectServer() {}

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the server; returns the exit status: 0 done, 1 failed, 2 bad arguments. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        String bind;
        int port;
        int backlog;
        int clients;
        int holdMillis;
        boolean reuseAddress;
        try {
            Options options = Options.parse(args,
                    Set.of("--bind", "--port", "--backlog", "--clients", "--hold-ms"), Set.of("--no-reuse"));
            bind = options.text("--bind", "127.0.0.1");
            port = options.number("--port", 5555, 0, 65535);
            backlog = options.number("--backlog", 50, 1, 10_000);
            clients = options.number("--clients", Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
            holdMillis = options.number("--hold-ms", 0, 0, 3_600_000);
            reuseAddress = !options.flag("--no-reuse");
        } catch (Options.UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            var at = new InetSocketAddress(bind, port);
            if (at.isUnresolved()) {
                throw new UnknownHostException(bind);
            }
            // 1. Listen: bind the address, let the kernel queue connections.
            try (ServerSocket server = Listener.listen(at, backlog, reuseAddress)) {
                out.println("listening on " + Endpoints.show(server.getLocalSocketAddress())
                        + " (backlog " + backlog + ", SO_REUSEADDR " + (reuseAddress ? "on" : "off") + ")");
                // 2. Serve the clients one after another.
                int served = AcceptLoop.serve(server, clients, (number, client) -> {
                    out.println("client " + number + ": accept() returned a new socket, local "
                            + Endpoints.show(client.getLocalSocketAddress()) + ", remote "
                            + Endpoints.show(client.getRemoteSocketAddress()));
                    greet(number, client, out);
                    holdUntilHangUp(number, client, holdMillis, out);
                    out.println("client " + number + ": closing");
                });
                out.println("served " + served + (served == 1 ? " client" : " clients") + ", stopping");
                return 0;
            }
        } catch (IOException e) {
            err.println("error: " + Failures.explain(e, bind, port));
            return 1;
        }
    }

    /** Sends client {@code number} one line saying where the server sees it connect from. */
    static void greet(int number, Socket client, PrintStream log) {
        String line = "hello client " + number + ", you are "
                + Endpoints.show(client.getRemoteSocketAddress()) + "\n";
        try {
            OutputStream toClient = client.getOutputStream();
            toClient.write(line.getBytes(StandardCharsets.UTF_8));
            // Flush: otherwise the line could sit in a buffer.
            toClient.flush();
        } catch (IOException e) {
            log.println("client " + number + ": left before the greeting (" + e.getMessage() + ")");
        }
    }

    /** Keeps the connection up to {@code holdMillis} (so others wait in the backlog), less if the client hangs up. */
    private static void holdUntilHangUp(int number, Socket client, int holdMillis, PrintStream log) {
        if (holdMillis == 0) {
            return;
        }
        try {
            client.setSoTimeout(holdMillis);
            InputStream fromClient = client.getInputStream();
            byte[] ignored = new byte[1024];
            while (fromClient.read(ignored) != -1) {
                // What the client sends is not this step's business: drop it until it hangs up.
            }
            log.println("client " + number + ": hung up");
        } catch (SocketTimeoutException e) {
            log.println("client " + number + ": held for " + holdMillis + " ms");
        } catch (IOException e) {
            log.println("client " + number + ": connection lost (" + e.getMessage() + ")");
        }
    }
}
