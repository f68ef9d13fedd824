package sockets.step3.chat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import sockets.step1.Endpoints;
import sockets.step3.Arguments;

/**
 * The client side of the direct two-party chat: connects to a {@link DirectChatServer} (or to
 * {@code nc -l}), then its user and the server's user type to each other through a {@link Conversation}.
 */
public final class DirectChatClient {

    static final String USAGE = "usage: DirectChatClient [HOST [PORT]]  (default 127.0.0.1 5556)";
    static final int CONNECT_DEADLINE_MILLIS = 5000;

    private DirectChatClient() {}

    public static void main(String[] args) {
        int code = run(args, System.in, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** The whole program, minus {@code System.exit}: returns the exit code. */
    static int run(String[] args, InputStream keyboard, PrintStream screen, PrintStream err) {
        String host = args.length > 0 ? args[0] : "127.0.0.1";
        int port;
        try {
            port = args.length > 1 ? Arguments.port(args[1]) : DirectChatServer.DEFAULT_PORT;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try (Socket socket = new Socket()) {
            // 1. Connect, with a deadline: an unreachable host fails in seconds, not minutes.
            socket.connect(new InetSocketAddress(host, port), CONNECT_DEADLINE_MILLIS);
            screen.println("* connected to " + Endpoints.show(socket.getRemoteSocketAddress())
                    + "; type lines, /quit or Ctrl-D to leave");
            // 2. Talk until either side leaves; the conversation closes the socket.
            return new Conversation(socket, "server", screen).run(keyboard) ? 0 : 1;
        } catch (UnknownHostException e) {
            err.println("error: unknown host " + host);
        } catch (ConnectException e) {
            err.println("error: cannot connect to " + host + ":" + port + ": " + e.getMessage());
        } catch (SocketTimeoutException e) {
            err.println("error: no answer from " + host + ":" + port + " within " + CONNECT_DEADLINE_MILLIS + " ms");
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
        }
        return 1;
    }
}
