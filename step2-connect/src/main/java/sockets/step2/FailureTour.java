package sockets.step2;

import static sockets.step2.Tour.HOST;
import static sockets.step2.Tour.LOOPBACK;
import static sockets.step2.Tour.TIMEOUT_MS;
import static sockets.step2.Tour.at;
import static sockets.step1.tour.TourScript.say;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import sockets.step1.Endpoints;
import sockets.step1.tour.TourScript;

/**
 * The second half of the {@link Tour}: each way to fail to connect or to listen, provoked on
 * loopback and reported in the one line {@link Failures#explain} writes.
 */
final class FailureTour {

    /** Short, so the tour stays quick; long enough for loopback, which answers in microseconds. */
    static final int SHORT_TIMEOUT_MS = 300;

    /** Reserved by RFC 2606: a name under .invalid never resolves, anywhere. */
    static final String UNKNOWN_HOST = "no-such-host.invalid";

    private FailureTour() {}

    static void run(TourScript tour) {
        tour.phase(5, "Connection refused: nothing listens on the port", FailureTour::connectionRefused);
        tour.phase(6, "Connect timeout: a server that never accepts, its backlog (1) full", FailureTour::connectTimeout);
        tour.phase(7, "Unknown host: the name does not resolve (.invalid never does)", FailureTour::unknownHost);
        tour.phase(8, "Port already in use: a second server on the same port", FailureTour::portInUse);
        tour.phase(9, "TIME_WAIT and SO_REUSEADDR: restarting a server right after a connection",
                FailureTour::timeWaitAndReuseAddress);
        tour.phase(10, "Bound to 127.0.0.1 or to all interfaces: who can connect",
                FailureTour::loopbackVersusAllInterfaces);
    }

    private static void connectionRefused() throws IOException {
        int port;
        try (ServerSocket closed = Listener.listen(new InetSocketAddress(LOOPBACK, 0), 1, true)) {
            port = closed.getLocalPort();
        } // closed: the port is free again, nobody listens
        tryToConnect(port, TIMEOUT_MS);
    }

    private static void connectTimeout() throws IOException {
        List<Socket> queued = new ArrayList<>();
        try (ServerSocket busy = Listener.listen(new InetSocketAddress(LOOPBACK, 0), 1, true)) {
            for (int i = 1; i <= 5; i++) { // exit: at the first timeout (5: an OS that never fills)
                try {
                    queued.add(Connector.connect(at(busy.getLocalPort()), SHORT_TIMEOUT_MS));
                    say("client %d: connected - it waits in the backlog, nobody accepts", i);
                } catch (IOException e) {
                    say("client %d: error: %s", i, Failures.explain(e, HOST, busy.getLocalPort()));
                    break; // the queue is full: this is the timeout we came for
                }
            }
        } finally {
            for (Socket socket : queued) {
                socket.close();
            }
        }
    }

    private static void unknownHost() {
        try (Socket socket = Connector.connect(UNKNOWN_HOST, 5555, TIMEOUT_MS)) {
            say("client: connected to %s?! (something resolves .invalid here)", UNKNOWN_HOST);
        } catch (IOException e) {
            say("client: error: %s", Failures.explain(e, UNKNOWN_HOST, 5555));
        }
    }

    private static void portInUse() throws IOException {
        try (ServerSocket first = Listener.listen(new InetSocketAddress(LOOPBACK, 0), 5, true)) {
            say("server 1: listening on %s", Endpoints.show(first.getLocalSocketAddress()));
            tryToListen("server 2", first.getLocalPort(), true);
        }
    }

    private static void timeWaitAndReuseAddress() throws IOException {
        int port;
        try (ServerSocket server = Listener.listen(new InetSocketAddress(LOOPBACK, 0), 5, true)) {
            port = server.getLocalPort();
            server.setSoTimeout(TIMEOUT_MS);
            try (Socket client = Connector.connect(at(port), TIMEOUT_MS);
                    Socket accepted = server.accept()) {
                // The server closes first: its end of the connection goes to TIME_WAIT.
                accepted.close();
                say("server: accepted a client and closed first - the first to close waits in TIME_WAIT");
                client.setSoTimeout(TIMEOUT_MS);
                say("client: read %d (end of stream), then closes too", client.getInputStream().read());
            }
        }
        say("server: stopped; port %d still has a connection in TIME_WAIT (about 60 s)", port);
        tryToListen("restart with SO_REUSEADDR off", port, false);
        tryToListen("restart with SO_REUSEADDR on (the JDK's default on Linux and macOS)", port, true);
    }

    private static void loopbackVersusAllInterfaces() throws IOException {
        try (ServerSocket local = Listener.listen(new InetSocketAddress(LOOPBACK, 0), 5, true);
                ServerSocket every = Listener.listen(new InetSocketAddress(0), 5, true)) {
            say("server A: bound to %s - loopback only: only this machine can connect",
                    Endpoints.show(local.getLocalSocketAddress()));
            say("server B: bound to %s - the wildcard: every interface, other machines too",
                    Endpoints.show(every.getLocalSocketAddress()));
            try (Socket toA = Connector.connect(at(local.getLocalPort()), TIMEOUT_MS);
                    Socket toB = Connector.connect(at(every.getLocalPort()), TIMEOUT_MS)) {
                say("client: connected to A at %s, and to B at %s: the wildcard includes loopback",
                        Endpoints.show(toA.getRemoteSocketAddress()), Endpoints.show(toB.getRemoteSocketAddress()));
            }
        }
    }

    private static void tryToConnect(int port, int timeoutMillis) {
        try (Socket socket = Connector.connect(at(port), timeoutMillis)) {
            say("client: connected to %s?!", Endpoints.show(socket.getRemoteSocketAddress()));
        } catch (IOException e) {
            say("client: error: %s", Failures.explain(e, HOST, port));
        }
    }

    private static void tryToListen(String who, int port, boolean reuseAddress) {
        try (ServerSocket server = Listener.listen(new InetSocketAddress(LOOPBACK, port), 5, reuseAddress)) {
            say("%s: listening on %s", who, Endpoints.show(server.getLocalSocketAddress()));
        } catch (IOException e) {
            say("%s: error: %s", who, Failures.explain(e, HOST, port));
        }
    }
}
