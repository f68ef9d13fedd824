package sockets.step5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import sockets.testing.Exercise;
import sockets.testing.LoopbackClient;

@Exercise("5.2")
@DisplayName("5.2 The event loop: one thread accepts and serves every client")
@Timeout(30)
@ExtendWith(StubFirst.class)
class EventLoopTest {

    @Test
    @DisplayName("welcomes 200 clients that connect at once, without a thread more")
    void manyClientsOneThread() throws IOException {
        try (TestServer chat = TestServer.start()) {
            int threadsBefore = Thread.getAllStackTraces().size();
            List<LoopbackClient> clients = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                clients.add(chat.connect()); // all connect first; nobody has read anything yet
            }
            for (LoopbackClient client : clients) {
                client.expectLine(line -> line.startsWith("* welcome"), "a '* welcome' notice for each of 200 clients");
            }
            int threadsAfter = Thread.getAllStackTraces().size();
            assertTrue(threadsAfter <= threadsBefore + 1, "200 clients should cost no thread: " + threadsBefore
                    + " threads before, " + threadsAfter + " with them - does anything start a thread per client?");
            TestServer.waitFor(() -> chat.server.connections() == 200, "the loop to hold 200 connections");
            assertEquals(200, chat.server.clients());
        }
    }

    @Test
    @DisplayName("serves a newcomer while an earlier client says nothing")
    void silentClientHoldsNobody() throws IOException {
        try (TestServer chat = TestServer.start()) {
            chat.connect(); // connects, never reads, never writes
            LoopbackClient second = chat.connect();
            assertEquals("* welcome to the chat, you are guest-2 (type /help for commands)", second.readLine(),
                    "the second client should be welcomed at once - is the accepted channel non-blocking?");
        }
    }

    @Test
    @DisplayName("pairs two clients: both are told, by notices the loop writes")
    void pairs() throws IOException {
        try (TestServer chat = TestServer.start()) {
            LoopbackClient alice = chat.join();
            assertEquals("* waiting for a partner...", alice.readLine());
            LoopbackClient bob = chat.join();
            assertEquals("* you are chatting with guest-1 - say hello", bob.readLine());
            assertEquals("* guest-2 joined - say hello", alice.readLine());
        }
    }

    @Test
    @DisplayName("sleeps while everyone is idle: a handful of turns in 300 ms, not thousands")
    void idleLoopSleeps() throws IOException {
        try (TestServer chat = TestServer.start()) {
            for (int i = 0; i < 20; i++) {
                chat.join();
            }
            long before = chat.server.turns();
            LockSupport.parkNanos(300_000_000L); // nothing happens meanwhile: the loop should sleep
            long turns = chat.server.turns() - before;
            assertTrue(turns < 20, "the loop turned " + turns + " times in 300 ms with nothing to do - it spins:"
                    + " is each selected key removed, and select() called without a zero timeout?");
        }
    }

    @Test
    @DisplayName("close() ends the loop and frees the port: a newcomer is refused")
    void closeFreesThePort() throws IOException {
        TestServer chat = TestServer.start();
        int port = chat.server.port();
        chat.join();
        chat.close();
        assertTrue(chat.server.awaitStopped(5_000), "the loop should end once closed");
        assertThrows(ConnectException.class, () -> LoopbackClient.connect(port).close(),
                "nobody should listen on the port once the server is closed");
    }
}
