package sockets.step4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.Exercise;
import sockets.testing.LoopbackClient;

/**
 * Exercise 4.8 for the tests of the operator's broadcast and the shutdown; the others (the console's
 * commands and /kick, its end of input, a full server) check given code and earn nothing - they must
 * pass all the same.
 */
@Timeout(value = 15, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@DisplayName("The operator, shutdown and bounded resources")
class OperatorTest {

    @Exercise("4.8")
    @Test
    @DisplayName("a console line reaches every client as <server> TEXT, and the console says how many got it")
    void consoleBroadcast() throws Exception {
        try (TestServer chat = TestServer.start(); TestConsole console = new TestConsole(chat.server.controls())) {
            LoopbackClient[] three = chat.roomAndOneWaiting();
            console.type("announcement one");
            for (LoopbackClient client : three) {
                client.expectLine(line -> line.equals("<server> announcement one"), "the operator's line at every client");
            }
            assertEquals("sent to 3 clients", console.next(), "the console confirms how many got the line"
                    + " - does broadcast() return how many it told?");
            three[2].close();
            RobustnessTest.waitFor(() -> chat.server.clients() == 2, "carol to be gone");
            console.type("announcement two");
            assertEquals("sent to 2 clients", console.next());
        }
    }

    @Test
    @DisplayName("console commands are answered on the console, never sent to a client: /help, /who, /msg, unknown ones")
    void consoleCommands() throws Exception {
        try (TestServer chat = TestServer.start(); TestConsole console = new TestConsole(chat.server.controls())) {
            LoopbackClient[] room = chat.pair("alice", "bob");
            LoopbackClient carol = chat.join("carol");
            console.type("/who");
            assertEquals(List.of("3 connected: 1 room, 1 waiting",
                    "  alice (" + from(room[0]) + ") with bob (" + from(room[1]) + ")",
                    "  carol (" + from(carol) + ") waits"), console.next(3), "/who: rooms, who waits, names and addresses");
            console.type("/help");
            assertEquals(OperatorConsole.HELP, console.next(OperatorConsole.HELP.size()));
            console.type("/frobnicate now");
            assertEquals("! unknown command /frobnicate - type /help", console.next());
            console.type("/msg BOB just for you");
            assertEquals("sent to BOB", console.next());
            console.type("/msg nobody hello");
            assertEquals("! nobody is called nobody - /who lists who is here", console.next());
            console.type("/msg bob");
            assertEquals("! usage: /msg NAME TEXT", console.next());
            console.type("the end");
            assertEquals("sent to 3 clients", console.next());
            // Each client's next line: the commands before the broadcast sent nothing but /msg to bob.
            assertEquals("<server> just for you", room[1].readLine(), "/msg reaches bob, as <server> TEXT");
            for (LoopbackClient client : new LoopbackClient[] {room[0], room[1], carol}) {
                assertEquals("<server> the end", client.readLine(), "nothing of /who, /help, /msg or /frobnicate"
                        + " reaches a client (only /msg, and only its addressee)");
            }
        }
    }

    @Test
    @DisplayName("/kick: the client is told and closed, its partner told and paired with who waits; other rooms go on")
    void consoleKick() throws Exception {
        try (TestServer chat = TestServer.start(); TestConsole console = new TestConsole(chat.server.controls())) {
            LoopbackClient[] room = chat.pair("alice", "bob");
            LoopbackClient[] other = chat.pair("dave", "erin");
            LoopbackClient carol = chat.join("carol");
            console.type("/kick Bob  too   loud ");
            assertEquals("kicked Bob", console.next());
            assertTrue(chat.log().contains("- bob left (kicked by the operator)"), "the log says so before the console: " + chat.log());
            assertEquals("* kicked by the operator: too   loud", room[1].readLine(), "the kicked client is told why");
            assertTrue(room[1].awaitClosed(), "then its connection ends - even though it never closes its side");
            assertEquals("* bob left (kicked by the operator)", room[0].readLine(), "its partner is told");
            assertEquals("* you are chatting with carol - say hello", room[0].readLine(), "and paired with carol, who waited");
            assertEquals("* alice joined - say hello", carol.readLine());
            other[0].send("still here?");
            assertEquals("<dave> still here?", other[1].readLine(), "another room goes on as if nothing happened");
            console.type("/kick bob");
            assertEquals("! nobody is called bob - /who lists who is here", console.next(), "bob is gone");
            console.type("/kick");
            assertEquals("! usage: /kick NAME [REASON]", console.next());
            console.type("/kick erin");
            assertEquals("kicked erin", console.next());
            assertEquals("* kicked by the operator", other[1].readLine(), "no reason given: the notice alone");
        }
    }

    @Exercise("4.8")
    @Test
    @DisplayName("console /quit with a room and a client waiting: everyone told, nobody paired again, the console ends")
    void consoleQuit() throws Exception {
        try (TestServer chat = TestServer.start(); TestConsole console = new TestConsole(chat.server.controls())) {
            LoopbackClient[] three = chat.roomAndOneWaiting();
            console.type("/quit");
            for (LoopbackClient client : three) {
                assertEquals("* server is shutting down", client.readLine(), "the shutdown notice, and nothing before it");
                assertEquals(null, client.readLine(), "after the notice nothing more - no '* NAME left', no"
                        + " '* NAME joined', no new partner - then the end of the stream");
                client.close(); // As a real client does: the shutdown then ends without waiting for its deadline.
            }
            console.awaitEnd();
            assertTrue(chat.server.awaitStopped(5_000), "shutdown should have finished");
        }
    }

    @Test
    @DisplayName("end of the console's input does not stop the server; an over-long console line is refused")
    void consoleEof() throws Exception {
        try (TestServer chat = TestServer.start(); TestConsole console = new TestConsole(chat.server.controls())) {
            console.type("y".repeat(5000));
            assertEquals("! your line was too long (more than 4096 bytes) - not sent", console.next());
            console.close();
            assertEquals("console input ended; the server goes on (Ctrl-C or kill stops it)", console.next());
            console.awaitEnd();
            assertFalse(chat.server.awaitStopped(0), "the server must keep running without a console");
            chat.join("late");
            assertEquals(1, chat.server.clients());
        }
    }

    /** {@code ADDR:PORT} of a raw client, as the server sees it. */
    private static String from(LoopbackClient client) {
        return "127.0.0.1:" + client.socket().getLocalPort();
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
            LoopbackClient[] three = chat.roomAndOneWaiting();
            var stopping = TestServer.async(chat.server::shutdown);
            for (LoopbackClient client : three) {
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
