package sockets.step2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.Exercise;
import sockets.testing.LoopbackClient;

/**
 * The clients connect first - they wait in the backlog - and then the loop runs on the test's
 * thread, its accept() bounded by the server's SO_TIMEOUT: no thread, no race.
 */
@Exercise("2.3")
@Timeout(10)
@DisplayName("AcceptLoop.serve")
class AcceptLoopTest {

    /** Connects {@code count} clients; they queue in the backlog. */
    private static List<Socket> queueClients(ServerSocket server, int count) throws IOException {
        List<Socket> clients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            clients.add(Loopback.client(server.getLocalPort()));
        }
        return clients;
    }

    private static String readLine(Socket client) throws IOException {
        var reader = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        return reader.readLine();
    }

    @Test
    @DisplayName("gives the handler a NEW socket: the accepted one, not the listening one")
    void acceptReturnsANewSocket() throws IOException {
        try (ServerSocket server = Loopback.server(5); Socket client = Loopback.client(server.getLocalPort())) {
            List<Socket> handled = new ArrayList<>();
            AcceptLoop.serve(server, 1, (number, accepted) -> handled.add(accepted));
            assertEquals(1, handled.size(), "the handler should be called once per accepted client - did you call accept()?");
            Socket accepted = handled.get(0);
            assertNotSame(server, accepted, "accept() returns a new socket for the client");
            assertEquals(client.getLocalSocketAddress(), accepted.getRemoteSocketAddress(),
                    "the accepted socket's remote end should be the client");
            assertEquals(server.getLocalPort(), accepted.getLocalPort(),
                    "the accepted socket shares the listening port");
            assertFalse(server.isClosed(), "the listening socket stays open for the next client");
        }
    }

    @Test
    @DisplayName("serves queued clients one after another, in the order they connected, closing each")
    void servesInOrderAndClosesEach() throws IOException {
        try (ServerSocket server = Loopback.server(5)) {
            List<Socket> clients = queueClients(server, 3);
            try {
                List<SocketAddress> servedInOrder = new ArrayList<>();
                List<Socket> accepted = new ArrayList<>();
                int served = AcceptLoop.serve(server, 3, (number, socket) -> {
                    servedInOrder.add(socket.getRemoteSocketAddress());
                    accepted.forEach(previous -> assertTrue(previous.isClosed(),
                            "client " + (accepted.indexOf(previous) + 1) + " should be closed before client "
                                    + number + " is accepted - try-with-resources around accept()"));
                    accepted.add(socket);
                    try {
                        socket.getOutputStream().write(("you are client " + number + "\n").getBytes(StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                assertEquals(3, served, "serve should return how many clients it served");
                assertEquals(clients.stream().map(Socket::getLocalSocketAddress).toList(), servedInOrder,
                        "clients should be accepted in the order they connected");
                for (int i = 0; i < clients.size(); i++) {
                    assertEquals("you are client " + (i + 1), readLine(clients.get(i)), "numbers start at 1, in order");
                    assertNull(readLine(clients.get(i)), "each client should read end of stream: close its socket when served");
                }
            } finally {
                Loopback.closeAll(clients);
            }
        }
    }

    @Test
    @DisplayName("stops after the number of clients asked; the next stays queued in the backlog")
    void stopsAfterTheClientsAsked() throws IOException {
        try (ServerSocket server = Loopback.server(5)) {
            List<Socket> clients = queueClients(server, 3);
            try {
                List<Integer> numbers = new ArrayList<>();
                assertEquals(2, AcceptLoop.serve(server, 2, (number, socket) -> numbers.add(number)),
                        "serve(server, 2, ...) should serve exactly 2 clients");
                assertEquals(List.of(1, 2), numbers, "client numbers should be 1 and 2");
                try (Socket third = server.accept()) {
                    assertEquals(clients.get(2).getLocalSocketAddress(), third.getRemoteSocketAddress(),
                            "the third client should still wait in the backlog");
                }
            } finally {
                Loopback.closeAll(clients);
            }
        }
    }

    @Nested
    @DisplayName("ConnectServer, run by hand")
    class ServerMain {

        @Test
        @DisplayName("listens, greets each client with its address, closes it, and exits 0 after --clients")
        void greetsClientsOneAfterAnother() throws Exception {
            var out = new PrintedLines();
            var err = new PrintedLines();
            CompletableFuture<Integer> status = CompletableFuture.supplyAsync(
                    () -> ConnectServer.run(new String[] {"--port", "0", "--clients", "2"}, out.stream, err.stream));
            String listening = out.await(line -> line.startsWith("listening on 127.0.0.1:"), "'listening on 127.0.0.1:PORT ...'");
            int port = Integer.parseInt(listening.replaceAll("listening on 127\\.0\\.0\\.1:(\\d+) .*", "$1"));
            for (int number = 1; number <= 2; number++) {
                try (LoopbackClient client = LoopbackClient.connect(port)) {
                    String me = Addresses.of(client.socket().getLocalSocketAddress());
                    assertEquals("hello client " + number + ", you are " + me, client.readLine(),
                            "the server should greet client " + number + " with its address - did it accept()?");
                    assertTrue(client.awaitClosed(), "the server should close the client after the greeting");
                }
            }
            assertEquals(0, status.get(Loopback.DEADLINE_MS, TimeUnit.MILLISECONDS), "exit status after --clients 2");
            assertTrue(out.lines().contains("served 2 clients, stopping"), "printed: " + out.lines());
        }

        @Test
        @DisplayName("with --hold-ms, keeps a client until it hangs up, or until the time is up")
        void holdsEachClient() throws Exception {
            var out = new PrintedLines();
            CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> ConnectServer.run(
                    new String[] {"--port", "0", "--clients", "2", "--hold-ms", "200"}, out.stream, out.stream));
            String listening = out.await(line -> line.startsWith("listening on "), "'listening on ADDR:PORT ...'");
            int port = Integer.parseInt(listening.replaceAll(".*:(\\d+) .*", "$1"));
            try (LoopbackClient client = LoopbackClient.connect(port)) {
                client.readLine();
                client.send("anything");
            } // hangs up
            out.await("client 1: hung up"::equals, "'client 1: hung up' once the client closed");
            try (LoopbackClient client = LoopbackClient.connect(port)) {
                client.readLine();
                out.await("client 2: held for 200 ms"::equals, "'client 2: held for 200 ms' while the client stays");
                assertTrue(client.awaitClosed(), "the server should close the client after holding it");
            }
            assertEquals(0, status.get(Loopback.DEADLINE_MS, TimeUnit.MILLISECONDS));
        }
    }
}
