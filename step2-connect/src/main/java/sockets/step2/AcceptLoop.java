package sockets.step2;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The accept loop of a sequential server: takes the clients waiting in the backlog one at a
 * time, in the order they connected, and closes each before taking the next.
 */
public final class AcceptLoop {

    /** Serves one accepted client; its socket is closed when this returns. */
    @FunctionalInterface
    public interface ClientHandler {
        void serve(int clientNumber, Socket client);
    }

    private AcceptLoop() {}

    /**
     * Accepts {@code clients} connections from {@code server}, one after another, gives each
     * to {@code handler} with its number (1, 2, ...) and closes it. Returns how many were served.
     */
    public static int serve(ServerSocket server, int clients, ClientHandler handler)
            throws IOException {
        // tag::solution-2.3[]
        int served = 0;
        // tag::accept-loop[]
        while (served < clients) { // exit: served as many as asked
            // Blocks until a client waits in the backlog;
            // returns a NEW socket for that one client.
            try (Socket client = server.accept()) {
                served++;
                handler.serve(served, client);
            } // close: the client reads end of stream
        }
        // end::accept-loop[]
        return served;
        // end::solution-2.3[]
    }
}
