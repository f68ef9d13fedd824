package sockets.step3;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import sockets.step1.Endpoints;

/**
 * Echo over raw {@code read}/{@code write}, the two calls every socket program is made of: each
 * byte a client sends comes back unchanged. Serves clients one after another; try it with
 * {@code nc 127.0.0.1 7007}.
 */
public final class EchoServer {

    static final String USAGE = "usage: EchoServer [PORT [CLIENTS]]  (default port 7007, 0 = any free port;"
            + " serves CLIENTS clients, default: until stopped)";

    private EchoServer() {}

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** The whole program, minus {@code System.exit}: returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        return LoopbackServer.run(args, 7007, USAGE, EchoServer::serve, out, err);
    }

    /** Serves {@code clients} clients, one after another, each until it closes its side. */
    public static void serve(ServerSocket listener, int clients, PrintStream log) throws IOException {
        // tag::serve[]
        for (int served = 0; served < clients; served++) {
            // 2. Accept one client; try-with-resources closes its socket when we are done with it.
            try (Socket client = listener.accept()) {
                log.println("client " + Endpoints.show(client.getRemoteSocketAddress()) + " connected");
                long bytes = echo(client.getInputStream(), client.getOutputStream());
                log.println("client left; " + bytes + " bytes echoed");
            } catch (IOException e) {
                // One client's broken connection must not stop the server: report it, serve the next.
                log.println("client lost: " + e.getMessage());
            }
        }
        // Loop exit: the requested number of clients has been served.
        // end::serve[]
    }

    /**
     * Copies every byte from {@code in} to {@code out}, flushing after each chunk, until {@code in}
     * ends; returns how many bytes were copied.
     */
    public static long echo(InputStream in, OutputStream out) throws IOException {
        // tag::solution-3.1[]
        byte[] buffer = new byte[8192];
        long total = 0;
        while (true) {
            // tag::read[]
            // Blocks until at least 1 byte has arrived, or -1.
            int count = in.read(buffer);
            if (count == -1) {
                return total; // the peer closed its side
            }
            // count, not buffer.length: read fills only part.
            out.write(buffer, 0, count);
            // Flush, or the echo may wait in a buffer.
            out.flush();
            // end::read[]
            total += count;
        }
        // end::solution-3.1[]
    }
}
