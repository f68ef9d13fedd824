package sockets.step1;

import static sockets.step1.tour.TourScript.say;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import sockets.step1.tour.TourScript;

/**
 * Step 1's narrated tour: sockets of each kind and family, address lookup, a fresh socket's
 * state and options, and port 0. Loopback only; every socket is closed before it ends.
 */
public final class Tour {

    /** What each option means, printed beside its value. */
    private static final Map<String, String> MEANING = Map.of(
            "TCP_NODELAY", "true = small writes go out at once (no Nagle)",
            "SO_TIMEOUT", "Java's own: ms a read() or accept() may block; 0 = forever",
            "SO_LINGER", "-1 = off: close() returns, the kernel still sends; 0 = reset",
            "SO_KEEPALIVE", "true = probe a silent peer",
            "SO_REUSEADDR", "true = bind despite old TIME_WAIT connections",
            "SO_RCVBUF", "bytes the kernel buffers for reading",
            "SO_SNDBUF", "bytes the kernel buffers for writing");

    private Tour() {}

    public static void main(String[] args) {
        TourScript tour = TourScript.begin("Step 1 - a socket is an endpoint (loopback only)");
        tour.phase(1, "socket(): one Java call per C call", Tour::createSockets);
        tour.phase(2, "getaddrinfo(): look up addresses", Tour::lookUpAddresses);
        tour.phase(3, "Families: IPv4, IPv6, UNIX", Tour::openEachFamily);
        tour.phase(4, "The state of a fresh socket", Tour::showState);
        tour.phase(5, "Socket options and their defaults", Tour::showOptions);
        tour.phase(6, "bind() to port 0; close() frees the port", Tour::bindToPortZero);
        tour.end("Tour done: every socket is closed.");
    }

    private static void createSockets() throws IOException {
        // 1. One socket of each kind, none bound or connected yet.
        try (Socket client = SocketCreator.stream();
             ServerSocket server = SocketCreator.listener();
             DatagramSocket udp = SocketCreator.datagram()) {
            say("socket(AF_INET6, SOCK_STREAM) -> new Socket()             " + client);
            say("  the same, for a server      -> new ServerSocket()       " + server);
            say("socket(AF_INET6, SOCK_DGRAM)  -> new DatagramSocket(null) bound: "
                    + udp.isBound());
            // The JDK picks the family: IPv6 that also speaks IPv4, where the machine has IPv6.
            say("(AF_INET6 with IPV6_V6ONLY off: IPv4 too; AF_INET on a machine without IPv6)");
        }
    }

    private static void lookUpAddresses() throws IOException {
        // 2. A name can have several addresses, of both families.
        for (String host : List.of("localhost", "127.0.0.1", "::1")) {
            List<String> found = new ArrayList<>();
            for (InetAddress address : AddressLookup.all(host)) {
                found.add(Endpoints.host(address) + " " + AddressLookup.familyOf(address));
            }
            say(host + " -> " + String.join(", ", found));
        }
    }

    private static void openEachFamily() throws IOException {
        // 3. The family is chosen when the socket is created, as in C.
        for (StandardProtocolFamily family : List.of(StandardProtocolFamily.INET,
                StandardProtocolFamily.INET6)) {
            try (SocketChannel channel = ChannelOpener.stream(family)) {
                channel.bind(new InetSocketAddress(AddressLookup.loopback(family), 0));
                InetSocketAddress local = (InetSocketAddress) channel.getLocalAddress();
                say(String.format("%-5s", family) + " channel bound to " + Endpoints.show(local));
            }
        }
        Path dir = Files.createTempDirectory("step1-");
        Path file = dir.resolve("tour.sock");
        try {
            try (ServerSocketChannel unix = ChannelOpener.bindUnix(file)) {
                say("UNIX  channel bound to " + unix.getLocalAddress());
            }
            // close() leaves the file: a new bind to that path would fail until it is deleted.
            say("after close(), the socket file still exists: " + Files.exists(file));
        } finally {
            Files.deleteIfExists(file);
            Files.delete(dir);
            say("deleted it and its folder: " + !Files.exists(dir));
        }
    }

    private static void showState() throws IOException {
        // 4. A fresh socket has no address and no peer: bind and connect come later.
        try (Socket socket = new Socket();
             ServerSocket server = new ServerSocket()) {
            say("new Socket():       " + SocketInspector.state(socket));
            say("new ServerSocket(): " + SocketInspector.state(server));
            // Close early, to see the change; the try's close() is then harmless.
            socket.close();
            say("Socket after close(): " + SocketInspector.state(socket));
        }
    }

    private static void showOptions() throws IOException {
        // 5. getsockopt() on fresh sockets: these are the defaults of this system.
        try (Socket socket = new Socket();
             ServerSocket server = new ServerSocket()) {
            Map<String, Object> ofSocket = SocketInspector.options(socket);
            Map<String, Object> ofServer = SocketInspector.options(server);
            say("Socket");
            ofSocket.forEach(Tour::sayOption);
            say("ServerSocket");
            ofServer.forEach(Tour::sayOption);
        }
    }

    private static void bindToPortZero() throws IOException {
        // 6. Port 0: the kernel picks a free port. The port stays taken until close().
        int port;
        try (ServerSocket server = new ServerSocket()) {
            port = PortBinding.bindToAnyPort(server);
            say("bind(127.0.0.1:0) -> the kernel picked port " + port);
            say("bind to " + port + " again, while it is open -> " + tryToBind(port));
        }
        say("bind to " + port + " again, after close()     -> " + tryToBind(port));
    }

    /** Binds a new socket to {@code port} and closes it again; says what happened. */
    private static String tryToBind(int port) throws IOException {
        try (ServerSocket probe = PortBinding.listenOn(port)) {
            return "bound to " + Endpoints.show((InetSocketAddress) probe.getLocalSocketAddress());
        } catch (BindException taken) {
            return "BindException: " + taken.getMessage();
        }
    }

    private static void sayOption(String name, Object value) {
        say(String.format("  %-12s %-7s %s", name, value, MEANING.get(name)));
    }
}
