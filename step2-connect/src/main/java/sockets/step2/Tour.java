package sockets.step2;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import sockets.step1.Endpoints;

/**
 * The step's tour, on loopback: a server listens, a client connects, {@code accept} returns a new
 * socket, queued clients are served one after another - then {@link FailureTour} shows every
 * way a connection fails. Phases are numbered as in the README.
 */
public final class Tour {

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    static final String HOST = LOOPBACK.getHostAddress();
    static final int TIMEOUT_MS = 2000;

    private Tour() {}

    public static void main(String[] args) throws IOException {
        System.out.println("Step 2 - bind, listen, accept, connect (all on " + HOST + ")");
        // 1. Listen: port 0, so the kernel picks a free port.
        try (ServerSocket server = Listener.listen(new InetSocketAddress(LOOPBACK, 0), 5, true)) {
            server.setSoTimeout(TIMEOUT_MS); // bounds every accept() below
            phase(1, "Listen: bind an address, and the kernel starts queueing connections");
            say("server: listening on %s, backlog 5 (we asked for port 0: the kernel chose)",
                    Endpoints.show(server.getLocalSocketAddress()));
            connectThenAccept(server);
            queueThenServeInTurn(server);
        }
        FailureTour.run();
        System.out.println();
        System.out.println("Tour done: every failure above was one clear line, never a stack trace.");
    }

    /** Phases 2 and 3: one client, and the new socket accept() gives the server for it. */
    private static void connectThenAccept(ServerSocket server) throws IOException {
        phase(2, "Connect: the client's connect() completes the TCP handshake");
        try (Socket client = Connector.connect(HOST, server.getLocalPort(), TIMEOUT_MS)) {
            say("client: connected, local %s -> remote %s",
                    Endpoints.show(client.getLocalSocketAddress()), Endpoints.show(client.getRemoteSocketAddress()));
            say("        nobody has called accept() yet: the connection waits in the backlog");
            phase(3, "Accept: accept() returns a NEW socket, for this one client");
            try (Socket accepted = server.accept()) {
                say("server: accepted,  local %s <- remote %s",
                        Endpoints.show(accepted.getLocalSocketAddress()), Endpoints.show(accepted.getRemoteSocketAddress()));
                boolean same = client.getLocalSocketAddress().equals(accepted.getRemoteSocketAddress());
                say("        client's local address == server's remote address: %s", same);
                say("        the listening socket is another socket, still listening on %s",
                        Endpoints.show(server.getLocalSocketAddress()));
            }
        }
    }

    /** Phase 4: three clients queue in the backlog, then the accept loop serves them in turn. */
    private static void queueThenServeInTurn(ServerSocket server) throws IOException {
        phase(4, "The accept loop: clients wait in the backlog, then are served one by one");
        List<Socket> clients = new ArrayList<>();
        try {
            for (int i = 1; i <= 3; i++) {
                Socket client = Connector.connect(HOST, server.getLocalPort(), TIMEOUT_MS);
                clients.add(client);
                say("client %d: connected from %s - queued, not accepted yet",
                        i, Endpoints.show(client.getLocalSocketAddress()));
            }
            AcceptLoop.serve(server, clients.size(), (number, accepted) -> {
                say("server: accept() -> client %d at %s: greet it, close it, next",
                        number, Endpoints.show(accepted.getRemoteSocketAddress()));
                ConnectServer.greet(number, accepted, System.out);
            });
            for (int i = 0; i < clients.size(); i++) {
                Socket client = clients.get(i);
                client.setSoTimeout(TIMEOUT_MS);
                var reader = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                say("client %d: read \"%s\", then %s", i + 1, reader.readLine(),
                        reader.readLine() == null ? "end of stream (the server closed)" : "more?!");
            }
        } finally {
            for (Socket client : clients) {
                client.close();
            }
        }
    }

    static void phase(int number, String title) {
        System.out.println();
        System.out.println(number + ". " + title);
    }

    static void say(String format, Object... args) {
        System.out.println("   " + String.format(format, args));
    }
}
