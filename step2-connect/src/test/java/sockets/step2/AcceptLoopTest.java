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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.Background;
import sockets.testing.Exercise;

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

    @Test
    @DisplayName("waits in accept() for a client that connects later")
    void waitsForALateClient() throws Exception {
        try (ServerSocket server = Loopback.server(5)) {
            List<SocketAddress> served = new CopyOnWriteArrayList<>();
            CompletableFuture<Integer> loop = Background.supply(() -> {
                try {
                    return AcceptLoop.serve(server, 1, (number, socket) -> served.add(socket.getRemoteSocketAddress()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            try (Socket late = Loopback.client(server.getLocalPort())) {
                assertEquals(1, loop.get(Loopback.DEADLINE_MS, TimeUnit.MILLISECONDS),
                        "serve should return once the late client is served - does it call accept()?");
                assertEquals(List.of(late.getLocalSocketAddress()), served, "the late client should be served");
            }
        }
    }
}
