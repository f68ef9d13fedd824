package sockets.step2;

import static sockets.step1.tour.TourScript.say;

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
import sockets.step1.tour.TourScript;

/**
 * The step's tour, on loopback: a server listens, a client connects, {@code accept} returns a new
 * socket, queued clients are served one after another - then {@link FailureTour} shows every
 * way a connection fails. Phases are numbered as in the README.
 */
public final class Tour {

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    static final String HOST = LOOPBACK.getHostAddress();
    static final int TIMEOUT_MS = 2000;

    private final TourScript tour;
    /** Phase 1's listening socket; phases 2 to 4 connect to it. */
    private ServerSocket server;
    /** Phase 2's client, waiting in the backlog until phase 3 accepts it. */
    private Socket client;

    /** 127.0.0.1:{@code port}, where every phase's server listens. */
    static InetSocketAddress at(int port) {
        return new InetSocketAddress(LOOPBACK, port);
    }

    private Tour(TourScript tour) {
        this.tour = tour;
    }

    public static void main(String[] args) {
        TourScript tour = TourScript.begin("Step 2 - bind, listen, accept, connect (all on " + HOST + ")");
        new Tour(tour).listenConnectAccept();
        FailureTour.run(tour);
        tour.phase(11, "Try every address: a client connects to each in turn until one answers", Tour::tryEveryAddress);
        tour.end("Tour done: every failure above was one clear line, never a stack trace.");
    }

    /** Phases 1 to 4, on one listening socket; closes it, and phase 2's client, at the end. */
    private void listenConnectAccept() {
        try {
            tour.phase(1, "Listen: bind an address, and the kernel starts queueing connections", this::listen);
            tour.phase(2, "Connect: the client's connect() completes the TCP handshake", this::connect);
            tour.phase(3, "Accept: accept() returns a NEW socket, for this one client", this::accept);
            tour.phase(4, "The accept loop: clients wait in the backlog, then are served one by one",
                    this::queueThenServeInTurn);
        } finally {
            closeQuietly(client);
            closeQuietly(server);
        }
    }

    /** Phase 1: port 0, so the kernel picks a free port. */
    private void listen() throws IOException {
        server = Listener.listen(new InetSocketAddress(LOOPBACK, 0), 5, true);
        server.setSoTimeout(TIMEOUT_MS); // bounds every accept() below
        say("server: listening on %s, backlog 5 (we asked for port 0: the kernel chose)",
                Endpoints.show(server.getLocalSocketAddress()));
    }

    /** Phase 2: one client connects; nobody accepts it yet. */
    private void connect() throws IOException {
        tour.needs(1);
        client = Connector.connect(at(server.getLocalPort()), TIMEOUT_MS);
        say("client: connected, local %s -> remote %s",
                Endpoints.show(client.getLocalSocketAddress()), Endpoints.show(client.getRemoteSocketAddress()));
        say("        nobody has called accept() yet: the connection waits in the backlog");
    }

    /** Phase 3: the new socket accept() gives the server for phase 2's client. */
    private void accept() throws IOException {
        tour.needs(2);
        try (Socket accepted = server.accept()) {
            say("server: accepted,  local %s <- remote %s",
                    Endpoints.show(accepted.getLocalSocketAddress()), Endpoints.show(accepted.getRemoteSocketAddress()));
            boolean same = client.getLocalSocketAddress().equals(accepted.getRemoteSocketAddress());
            say("        client's local address == server's remote address: %s", same);
            say("        the listening socket is another socket, still listening on %s",
                    Endpoints.show(server.getLocalSocketAddress()));
        } finally {
            client.close();
        }
    }

    /** Phase 4: three clients queue in the backlog, then the accept loop serves them in turn. */
    private void queueThenServeInTurn() throws IOException {
        tour.needs(1);
        List<Socket> clients = new ArrayList<>();
        try {
            for (int i = 1; i <= 3; i++) {
                Socket client = Connector.connect(at(server.getLocalPort()), TIMEOUT_MS);
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

    /** Phase 11: the addresses ::1 and 127.0.0.1, a server on 127.0.0.1 only: ::1 fails, the next answers. */
    private static void tryEveryAddress() throws IOException {
        InetAddress ipv6 = InetAddress.getByName("::1"); // a literal: parsed, never looked up
        List<InetAddress> addresses = List.of(ipv6, LOOPBACK);
        try (ServerSocket server = Listener.listen(new InetSocketAddress(LOOPBACK, 0), 5, true);
                Socket client = Connector.connect(addresses, server.getLocalPort(), TIMEOUT_MS)) {
            say("server: listening on %s only", Endpoints.show(server.getLocalSocketAddress()));
            say("client: tries ::1 (nothing listens there), then 127.0.0.1 -> connected to %s",
                    Endpoints.show(client.getRemoteSocketAddress()));
        }
        int port;
        try (ServerSocket closed = Listener.listen(new InetSocketAddress(LOOPBACK, 0), 1, true)) {
            port = closed.getLocalPort();
        } // closed: now nothing listens on that port, on either address
        try (Socket client = Connector.connect(addresses, port, TIMEOUT_MS)) {
            say("client: connected to %s?!", Endpoints.show(client.getRemoteSocketAddress()));
        } catch (IOException e) {
            say("nothing listens on either: error: %s", Failures.explain(e, "::1", port));
            say("        that is the first address's failure; %d more attached (getSuppressed())",
                    e.getSuppressed().length);
        }
    }

    private static void closeQuietly(java.io.Closeable socket) {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException e) {
            // Closing at the end of the tour: nothing left to tell.
        }
    }
}
