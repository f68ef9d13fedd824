package sockets.step3;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Sends a message to an {@link EchoServer}, half-closes, and prints the whole reply: the
 * request-then-EOF pattern of HTTP/1.0 and of {@code nc -N}.
 */
public final class EchoClient {

    static final String USAGE = "usage: EchoClient HOST PORT MESSAGE...";
    static final int DEADLINE_MILLIS = 5000;

    private EchoClient() {}

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** The whole program, minus {@code System.exit}: returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 3) {
            err.println(USAGE);
            return 2;
        }
        int port;
        try {
            port = Arguments.port(args[1]);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        String message = String.join(" ", Arrays.copyOfRange(args, 2, args.length)) + "\n";
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(args[0], port), DEADLINE_MILLIS);
            // A deadline on every read: a server that never answers fails in seconds, not never.
            socket.setSoTimeout(DEADLINE_MILLIS);
            byte[] reply = exchange(socket, message.getBytes(StandardCharsets.UTF_8));
            out.print(new String(reply, StandardCharsets.UTF_8));
            out.flush();
            return 0;
        } catch (UnknownHostException e) {
            err.println("error: unknown host " + args[0]);
        } catch (ConnectException e) {
            err.println("error: cannot connect to " + args[0] + ":" + port + ": " + e.getMessage());
        } catch (SocketTimeoutException e) {
            err.println("error: no answer from " + args[0] + ":" + port + " within " + DEADLINE_MILLIS + " ms");
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
        }
        return 1;
    }

    /**
     * Writes {@code request}, tells the peer it was all ({@code shutdownOutput}), then reads the
     * reply until the peer closes its side. The socket's own timeout bounds each read. For
     * requests that fit in the socket buffers: against a peer that answers while it reads (an
     * echo), a larger request blocks both sides in {@code write()}, each waiting for the other to read.
     */
    public static byte[] exchange(Socket socket, byte[] request) throws IOException {
        // tag::solution-3.5[]
        // tag::half-close[]
        OutputStream out = socket.getOutputStream();
        out.write(request);
        out.flush();
        // Half-close: the peer's read() now returns -1,
        // so it knows the request is complete.
        socket.shutdownOutput();
        // Our input is still open: read the reply until -1.
        return socket.getInputStream().readAllBytes();
        // end::half-close[]
        // end::solution-3.5[]
    }
}
