package sockets.step3.chat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import sockets.step1.Endpoints;
import sockets.step3.Arguments;

/**
 * The server side of the direct two-party chat: waits for one partner, then its user and the
 * partner type to each other through a {@link Conversation}. The partner can be
 * {@link DirectChatClient} or {@code nc}.
 */
public final class DirectChatServer {

    static final int DEFAULT_PORT = 5556;
    static final String USAGE = "usage: DirectChatServer [PORT [BIND-ADDRESS]]"
            + "  (default 5556 on 127.0.0.1; 0 = any free port, 0.0.0.0 = every interface)";

    private DirectChatServer() {}

    public static void main(String[] args) {
        int code = run(args, System.in, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** The whole program, minus {@code System.exit}: returns the exit code. */
    static int run(String[] args, InputStream keyboard, PrintStream screen, PrintStream err) {
        int port;
        InetAddress bind;
        try {
            port = args.length > 0 ? Arguments.port(args[0]) : DEFAULT_PORT;
            bind = args.length > 1 ? InetAddress.getByName(args[1]) : InetAddress.getLoopbackAddress();
        } catch (IllegalArgumentException | UnknownHostException e) {
            err.println("error: " + (e instanceof UnknownHostException ? "unknown address " + args[1] : e.getMessage()));
            err.println(USAGE);
            return 2;
        }
        Socket partner;
        // 1. Listen, and accept exactly one partner.
        try (ServerSocket listener = new ServerSocket()) {
            listener.bind(new InetSocketAddress(bind, port), 1);
            screen.println("listening on " + Endpoints.show(listener.getLocalSocketAddress()));
            screen.println("* waiting for a partner (DirectChatClient, or nc " + hostOf(listener) + " "
                    + listener.getLocalPort() + ")");
            partner = listener.accept();
            // Leaving the try closes the listener: a second caller is refused, this is a two-party chat.
        } catch (BindException e) {
            err.println("error: cannot listen on " + Endpoints.show(bind, port) + ": " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        // 2. Talk until either side leaves; the conversation closes the socket.
        try (partner) {
            screen.println("* " + Endpoints.show(partner.getRemoteSocketAddress())
                    + " joined; type lines, /quit or Ctrl-D to leave");
            return new Conversation(partner, "client", screen).run(keyboard) ? 0 : 1;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static String hostOf(ServerSocket listener) {
        InetAddress address = listener.getInetAddress();
        return address.isAnyLocalAddress() ? "HOST" : Endpoints.host(address);
    }
}
