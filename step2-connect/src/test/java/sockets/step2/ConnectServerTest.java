package sockets.step2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sockets.step1.Endpoints;
import sockets.testing.LoopbackClient;

/**
 * Ungraded: the server main combines exercises 2.1, 2.3 and 2.4, which are graded on their own;
 * these tests check what a user running it sees - the lines, the bytes, the exit status.
 */
@Timeout(10)
@DisplayName("ConnectServer, run by hand")
class ConnectServerTest {

    private final PrintedLines out = new PrintedLines();
    private final PrintedLines err = new PrintedLines();

    /**
     * Runs the server main in the background, on a thread of its own (a server left stuck by a
     * failed test must not hold up the next test's); returns its exit status to come.
     */
    private CompletableFuture<Integer> start(String... args) {
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> ConnectServer.run(args, out.stream, err.stream),
                task -> Thread.ofPlatform().daemon().name("ConnectServer " + String.join(" ", args)).start(task));
        out.printedBy(status);
        err.printedBy(status);
        return status;
    }

    private int awaitListeningPort() throws InterruptedException {
        String listening = out.await(line -> line.startsWith("listening on 127.0.0.1:"), "'listening on 127.0.0.1:PORT ...'");
        return Integer.parseInt(listening.replaceAll("listening on 127\\.0\\.0\\.1:(\\d+) .*", "$1"));
    }

    @Test
    @DisplayName("listens, greets each client with its address, closes it, and exits 0 after --clients")
    void greetsClientsOneAfterAnother() throws Exception {
        CompletableFuture<Integer> status = start("--port", "0", "--clients", "2");
        int port = awaitListeningPort();
        List<String> expected = new ArrayList<>();
        expected.add("listening on 127.0.0.1:" + port + " (backlog 50, SO_REUSEADDR on)");
        for (int number = 1; number <= 2; number++) {
            try (LoopbackClient client = LoopbackClient.connect(port)) {
                String me = Endpoints.show(client.socket().getLocalSocketAddress());
                assertEquals("hello client " + number + ", you are " + me, client.readLine(),
                        "the server should greet client " + number + " with its address - did it accept()?");
                assertTrue(client.awaitClosed(), "the server should close the client after the greeting");
                expected.add("client " + number + ": accept() returned a new socket, local 127.0.0.1:" + port
                        + ", remote " + me);
                expected.add("client " + number + ": closing");
            }
        }
        assertEquals(0, status.get(Loopback.DEADLINE_MS, TimeUnit.MILLISECONDS), "exit status after --clients 2");
        expected.add("served 2 clients, stopping");
        assertEquals(expected, out.lines(), "what the server prints, line by line");
        assertEquals(List.of(), err.lines(), "nothing on stderr when all goes well");
    }

    @Test
    @DisplayName("says which backlog and SO_REUSEADDR it listens with: --backlog, --no-reuse")
    void listensAsAsked() throws Exception {
        CompletableFuture<Integer> status = start("--port", "0", "--backlog", "7", "--no-reuse", "--clients", "1");
        int port = awaitListeningPort();
        assertEquals("listening on 127.0.0.1:" + port + " (backlog 7, SO_REUSEADDR off)", out.lines().get(0));
        try (LoopbackClient client = LoopbackClient.connect(port)) {
            assertTrue(client.readLine().startsWith("hello client 1, you are 127.0.0.1:"), "the greeting: " + client.seen());
        }
        assertEquals(0, status.get(Loopback.DEADLINE_MS, TimeUnit.MILLISECONDS), "exit status after --clients 1");
        assertEquals("served 1 client, stopping", out.lines().get(out.lines().size() - 1));
    }

    @Test
    @DisplayName("with --hold-ms, keeps a client until it hangs up, or until the time is up")
    void holdsEachClient() throws Exception {
        CompletableFuture<Integer> status = start("--port", "0", "--clients", "2", "--hold-ms", "200");
        int port = awaitListeningPort();
        try (LoopbackClient client = LoopbackClient.connect(port)) {
            client.readLine();
            client.send("anything");
        } // hangs up
        out.await("client 1: hung up"::equals, "'client 1: hung up' once the client closed");
        try (LoopbackClient client = LoopbackClient.connect(port)) {
            client.readLine();
            client.send("still here"); // talking is not hanging up
            out.await("client 2: held for 200 ms"::equals, "'client 2: held for 200 ms' while the client stays");
            assertTrue(client.awaitClosed(), "the server should close the client after holding it");
        }
        assertEquals(0, status.get(Loopback.DEADLINE_MS, TimeUnit.MILLISECONDS));
    }

    @Test
    @DisplayName("with --hold-ms, says in one line when a client resets the connection, and goes on")
    void clientResets() throws Exception {
        CompletableFuture<Integer> status = start("--port", "0", "--clients", "2", "--hold-ms", "2000");
        int port = awaitListeningPort();
        try (LoopbackClient client = LoopbackClient.connect(port)) {
            client.readLine();
            // SO_LINGER 0: close() sends a reset (RST) instead of the orderly FIN.
            client.socket().setSoLinger(true, 0);
        }
        out.await(line -> line.startsWith("client 1: connection lost ("), "'client 1: connection lost (...)' after a reset");
        try (LoopbackClient client = LoopbackClient.connect(port)) {
            assertTrue(client.readLine().startsWith("hello client 2, you are "), "client 2's greeting: " + client.seen());
        }
        out.await("client 2: hung up"::equals, "'client 2: hung up' once the second client closed");
        assertEquals(0, status.get(Loopback.DEADLINE_MS, TimeUnit.MILLISECONDS));
        assertEquals(List.of(), err.lines(), "a lost client is not an error of the server");
    }

    @Test
    @DisplayName("exits 1 with one 'error:' line when the port is taken")
    void portInUse() throws IOException {
        try (ServerSocket first = Loopback.server(1)) {
            int port = first.getLocalPort();
            assertEquals(1, ConnectServer.run(new String[] {"--port", "" + port}, out.stream, err.stream));
            assertEquals(1, err.lines().size(), "one line on stderr: " + err.lines());
            assertTrue(err.lines().get(0).startsWith("error: cannot listen on 127.0.0.1:" + port + ": the port is already in use"),
                    err.lines().get(0));
        }
    }

    @Test
    @DisplayName("exits 1 with one 'error:' line for a bind address that does not resolve")
    void unknownBindAddress() {
        assertEquals(1, ConnectServer.run(new String[] {"--bind", "no-such-host.invalid"}, out.stream, err.stream));
        assertEquals(List.of("error: unknown host 'no-such-host.invalid': the name does not resolve to any address"),
                err.lines());
    }

    @ParameterizedTest(name = "exits 2 with the usage for: {0}")
    @ValueSource(strings = {"--port -1", "--backlog 0", "--clients x", "--hold-ms", "extra"})
    void badArguments(String args) {
        assertEquals(2, ConnectServer.run(args.split(" "), out.stream, err.stream));
        assertEquals(2, err.lines().size(), "an error line and the usage: " + err.lines());
        assertTrue(err.lines().get(0).startsWith("error: "), err.lines().get(0));
        assertEquals(ConnectServer.USAGE, err.lines().get(1));
    }
}
