package sockets.step4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.Exercise;
import sockets.testing.LoopbackClient;

/**
 * Exercise 4.8 for the tests of the shutdown; the others (the console's end of input, a full server) check given
 * code and earn nothing - they must pass all the same.
 */
@Timeout(value = 15, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@DisplayName("The operator, shutdown and bounded resources")
class OperatorTest {

    @Exercise("4.8")

    @Test
    @DisplayName("a console line reaches every client as <server> TEXT; console /quit shuts down")
    void consoleBroadcastThenQuit() throws Exception {
        try (TestServer chat = TestServer.start();
                PipedOutputStream typing = new PipedOutputStream();
                PipedInputStream console = new PipedInputStream(typing)) {
            LoopbackClient[] one = chat.pair("alice", "bob");
            LoopbackClient carol = chat.join("carol");
            var operator = TestServer.asyncRun(() -> {
                try {
                    chat.server.console(console);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            typing.write("announcement one\n".getBytes(StandardCharsets.UTF_8));
            typing.flush();
            for (LoopbackClient client : new LoopbackClient[] {one[0], one[1], carol}) {
                client.expectLine(line -> line.equals("<server> announcement one"), "the operator's line at every client");
            }
            typing.write("/quit\n".getBytes(StandardCharsets.UTF_8));
            typing.flush();
            for (LoopbackClient client : new LoopbackClient[] {one[0], one[1], carol}) {
                client.expectLine(line -> line.equals("* server is shutting down"), "the shutdown notice at every client");
                assertTrue(client.awaitClosed(), "the server ends every stream after its notice");
                client.close(); // As a real client does: the shutdown then ends without waiting for its deadline.
            }
            operator.get(5, TimeUnit.SECONDS);
            assertTrue(chat.server.awaitStopped(5_000), "shutdown should have finished");
        }
    }

    @Test
    @DisplayName("end of the console's input does not stop the server")
    void consoleEof() throws Exception {
        try (TestServer chat = TestServer.start()) {
            String tooLong = "y".repeat(5000) + "\n";
            chat.server.console(new java.io.ByteArrayInputStream(tooLong.getBytes(StandardCharsets.UTF_8)));
            assertTrue(chat.log().contains("! line too long"), "the operator is told a line was too long");
            assertFalse(chat.server.awaitStopped(0), "the server must keep running without a console");
            chat.join("late");
            assertEquals(1, chat.server.clients());
        }
    }

    @Exercise("4.8")

    @Test
    @DisplayName("shutdown tells every client, waiting or chatting, and closes those that do not close their side in time")
    void shutdownTellsEveryone() throws Exception {
        try (TestServer chat = TestServer.start()) {
            LoopbackClient[] room = chat.pair("alice", "bob");
            LoopbackClient waiting = chat.join("carol");
            assertTrue(chat.server.shutdown(), "the first shutdown does the work");
            for (LoopbackClient client : new LoopbackClient[] {room[0], room[1], waiting}) {
                client.expectLine(line -> line.equals("* server is shutting down"), "the shutdown notice");
                assertTrue(client.awaitClosed(), "the socket closed after the notice");
            }
            // Each session logs its departure once its socket is closed under it.
            RobustnessTest.waitFor(() -> chat.log().contains("- carol left (server shutting down)"),
                    "the log to say carol left because the server is shutting down");
            assertFalse(chat.server.shutdown(), "a second shutdown has nothing left to do");
            var refused = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, chat::connect);
            assertTrue(refused.getMessage() != null, "no longer listening after shutdown");
        }
    }

    @Exercise("4.8")

    @Test
    @DisplayName("shutdown with a room and a client waiting: nobody is paired again or told anyone joined")
    void shutdownPairsNobody() throws Exception {
        try (TestServer chat = TestServer.start()) {
            LoopbackClient[] room = chat.pair("alice", "bob");
            LoopbackClient carol = chat.join("carol");
            var stopping = TestServer.async(chat.server::shutdown);
            for (LoopbackClient client : new LoopbackClient[] {room[0], room[1], carol}) {
                client.expectLine(line -> line.equals("* server is shutting down"), "the shutdown notice");
                List<String> after = new ArrayList<>();
                String line;
                while ((line = client.readLine()) != null) { // exit: the server ended the stream
                    after.add(line);
                }
                assertEquals(List.of(), after, "after the shutdown notice nothing more - no '* NAME left',"
                        + " no '* NAME joined', no new partner (was the lobby closed first?)");
                client.close();
            }
            assertTrue(stopping.get(5, TimeUnit.SECONDS), "the shutdown did the work");
        }
    }

    /**
     * Closing a listener does not stop a thread blocked in its accept() at once, and until that
     * thread wakes up the kernel still completes new connections. 20 rounds: without the wait
     * for the acceptor 162 of 400 rounds failed on a busy 2-core machine, 1 suite in 20.
     */
    @Exercise("4.8")
    @Test
    @DisplayName("once shutdown() has returned, a new client is refused - never half accepted")
    void refusedRightAfterShutdown() throws Exception {
        for (int round = 1; round <= 20; round++) {
            try (TestServer chat = TestServer.start()) {
                LoopbackClient[] room = chat.pair("alice", "bob");
                var stopping = TestServer.async(chat.server::shutdown);
                for (LoopbackClient client : room) {
                    assertTrue(client.awaitClosed(), "the server ends the stream after its notice");
                    client.close(); // As a real client does: then the shutdown need not wait for its deadline.
                }
                assertTrue(stopping.get(5, TimeUnit.SECONDS));
                org.junit.jupiter.api.Assertions.assertThrows(java.net.ConnectException.class, chat::connect,
                        "round " + round + ": connection refused, nothing listens any more");
            }
        }
    }

    @Test
    @DisplayName("beyond --max-clients a client gets '! server is full' and is closed")
    void full() throws Exception {
        try (TestServer chat = TestServer.start(4096, 2)) {
            chat.pair("walt", "vera");
            LoopbackClient third = chat.connect();
            assertEquals("! server is full - try again later", third.readLine());
            assertTrue(third.awaitClosed(), "a refused client is closed");
            assertEquals(2, chat.server.clients());
        }
    }
}
