package sockets.step2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sockets.step1.Endpoints;
import sockets.testing.UnfinishedExercises;

/**
 * Ungraded: the client main combines exercises 2.2 and 2.4, which are graded on their own; these
 * tests check what a user running it sees - the lines, the exit status.
 */
@Timeout(10)
@DisplayName("ConnectClient, run by hand")
class ConnectClientTest {

    private final PrintedLines out = new PrintedLines();
    private final PrintedLines err = new PrintedLines();

    /** accept(); when it times out because the client stopped at a stub, says which exercise. */
    private static Socket acceptUnlessStopped(ServerSocket server) throws IOException {
        try {
            return server.accept();
        } catch (SocketTimeoutException e) {
            UnfinishedExercises.failIfHit();
            throw e;
        }
    }

    @Test
    @DisplayName("prints both ends and what the server sent, then exits 0")
    void printsBothEndsAndTheGreeting() throws Exception {
        try (ServerSocket server = Loopback.server(5)) {
            var client = Thread.ofPlatform().start(() -> {
                int status = ConnectClient.run(new String[] {"--port", "" + server.getLocalPort()}, out.stream, err.stream);
                out.stream.println("exit " + status);
            });
            try (Socket accepted = acceptUnlessStopped(server)) {
                accepted.getOutputStream().write("hi there\n".getBytes(StandardCharsets.UTF_8));
                String clientEnd = Endpoints.show(accepted.getRemoteSocketAddress());
                String serverEnd = Endpoints.show(accepted.getLocalSocketAddress());
                String connected = "connected: local " + clientEnd + " -> remote " + serverEnd;
                out.await(connected::equals, "'" + connected + "'");
                out.await("server says: hi there"::equals, "the line the server sent");
            }
            out.await("the server closed the connection"::equals, "the end of the conversation");
            out.await("exit 0"::equals, "exit status 0");
            client.join(Loopback.DEADLINE_MS);
            assertEquals(List.of(), err.lines(), "nothing on stderr when all goes well");
            assertEquals("connecting to 127.0.0.1:" + server.getLocalPort() + " (timeout 3000 ms)", out.lines().get(0),
                    "the first line says where the client connects, and with which timeout");
            assertEquals(5, out.lines().size(), "connecting, connected, one line from the server, closed, exit: "
                    + out.lines());
        }
    }

    @Test
    @DisplayName("says so when the server stays quiet past the timeout, and exits 0")
    void quietServer() throws Exception {
        try (ServerSocket server = Loopback.server(5)) {
            String[] args = {"--port", "" + server.getLocalPort(), "--timeout-ms", "200"};
            assertEquals(0, ConnectClient.run(args, out.stream, err.stream));
            assertEquals("nothing from the server for 200 ms, closing", out.lines().get(out.lines().size() - 1));
        }
    }

    @Nested
    @DisplayName("exits 1 with one 'error:' line")
    class ExitsOneWithOneLine {

        @Test
        @DisplayName("when the connection is refused")
        void refused() throws IOException {
            int port = Loopback.closedPort();
            assertEquals(1, ConnectClient.run(new String[] {"--port", "" + port}, out.stream, err.stream));
            assertEquals(List.of("error: connection refused by 127.0.0.1:" + port + ": nothing is listening on that port"),
                    err.lines(), "one line on stderr");
        }

        @Test
        @DisplayName("when the connect times out")
        void timesOut() throws IOException {
            ServerSocket busy = Loopback.server(1);
            List<Socket> queued = Loopback.fillBacklog(busy);
            try {
                String[] args = {"--port", "" + busy.getLocalPort(), "--timeout-ms", "300"};
                int status = assertTimeoutPreemptively(Duration.ofSeconds(3),
                        () -> ConnectClient.run(args, out.stream, err.stream),
                        "the client should give up after --timeout-ms 300 - does Connector.connect use its timeout?");
                assertEquals(1, status);
                assertEquals(1, err.lines().size(), "one line on stderr: " + err.lines());
                assertTrue(err.lines().get(0).startsWith("error: connect to 127.0.0.1:" + busy.getLocalPort() + " timed out"),
                        err.lines().get(0));
            } finally {
                // Closing the listener also ends a connect stuck without a timeout (its next SYN is refused).
                busy.close();
                Loopback.closeAll(queued);
            }
        }

        @Test
        @DisplayName("for an unknown host")
        void unknownHost() {
            assertEquals(1, ConnectClient.run(new String[] {"--host", "no-such-host.invalid"}, out.stream, err.stream));
            assertEquals(List.of("error: unknown host 'no-such-host.invalid': the name does not resolve to any address"),
                    err.lines());
        }
    }

    @ParameterizedTest(name = "exits 2 with the usage for: {0}")
    @ValueSource(strings = {"--port nine", "--port 0", "--port 70000", "--colour red", "--host"})
    void badArguments(String args) {
        assertEquals(2, ConnectClient.run(args.split(" "), out.stream, err.stream));
        assertEquals(2, err.lines().size(), "an error line and the usage: " + err.lines());
        assertTrue(err.lines().get(0).startsWith("error: "), err.lines().get(0));
        assertEquals(ConnectClient.USAGE, err.lines().get(1));
        assertEquals(List.of(), out.lines(), "nothing on stdout for bad arguments");
    }
}
