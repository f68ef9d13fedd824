package sockets.step3.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.step3.tour.Screen;
import sockets.testing.Exercise;
import sockets.testing.LoopbackClient;
import sockets.testing.UnfinishedExercises;

@Exercise("3.7")
@Timeout(15)
@DisplayName("Direct chat: the two programs")
class DirectChatTest {

    static final Duration WAIT = Duration.ofSeconds(3);

    /** The main's code in the background; its exit code completes the future. */
    interface Main {
        int run(String[] args, InputStream keyboard, PrintStream screen, PrintStream err);
    }

    static CompletableFuture<Integer> start(Main main, String[] args, Keyboard keyboard, Screen screen) {
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            exit.complete(main.run(args, keyboard.in(), screen.printStream(), System.err));
        });
        return exit;
    }

    /**
     * The next line on {@code screen} within {@link #WAIT}; fails at once if the chat stopped at
     * an unfinished exercise on one of its threads.
     */
    static String next(Screen screen) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (true) {
            UnfinishedExercises.failIfHit();
            String line = screen.pollLine(Duration.ofMillis(100));
            if (line != null) {
                return line;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("nothing printed within " + WAIT.toMillis() + " ms");
            }
        }
    }

    static int portOf(String listening) {
        assertTrue(listening.startsWith("listening on 127.0.0.1:"), "first line: " + listening);
        return Integer.parseInt(listening.substring(listening.lastIndexOf(':') + 1));
    }

    @Test
    @DisplayName("server and client talk both ways until the server's user types /quit; both exit 0")
    void serverAndClient() throws Exception {
        try (Keyboard serverKeys = new Keyboard(); Keyboard clientKeys = new Keyboard()) {
            Screen serverScreen = new Screen();
            Screen clientScreen = new Screen();
            CompletableFuture<Integer> server = start(DirectChatServer::run, new String[] {"0"}, serverKeys, serverScreen);
            int port = portOf(next(serverScreen));
            assertEquals("* waiting for a partner (DirectChatClient, or nc 127.0.0.1 " + port + ")",
                    next(serverScreen), "the server tells how to reach it");
            CompletableFuture<Integer> client = start(DirectChatClient::run,
                    new String[] {"127.0.0.1", String.valueOf(port)}, clientKeys, clientScreen);
            assertTrue(next(clientScreen).startsWith("* connected to 127.0.0.1:" + port));
            assertTrue(next(serverScreen).contains(" joined; type lines"));

            clientKeys.type("hi server");
            assertEquals("<client> hi server", next(serverScreen));
            serverKeys.type("hi client");
            assertEquals("<server> hi client", next(clientScreen));
            serverKeys.type("closing time");
            serverKeys.type("/quit");
            assertEquals("<server> closing time", next(clientScreen));
            assertEquals("* server left the chat", next(clientScreen));
            assertEquals("* bye", next(clientScreen));
            assertEquals("* bye", next(serverScreen));
            assertEquals(0, client.get(5, TimeUnit.SECONDS), "client exit code");
            assertEquals(0, server.get(5, TimeUnit.SECONDS), "server exit code");
        }
    }

    @Test
    @DisplayName("the server takes one partner only: a second caller is refused")
    void onePartnerOnly() throws Exception {
        try (Keyboard serverKeys = new Keyboard()) {
            Screen screen = new Screen();
            CompletableFuture<Integer> server = start(DirectChatServer::run, new String[] {"0", "127.0.0.1"}, serverKeys, screen);
            int port = portOf(next(screen));
            next(screen);
            try (LoopbackClient first = LoopbackClient.connect(port)) {
                assertTrue(next(screen).contains(" joined"));
                assertThrows(ConnectException.class, () -> LoopbackClient.connect(port).close(),
                        "the listener closes once the partner is there");
                first.send("hello from nc");
                assertEquals("<client> hello from nc", next(screen));
                first.halfClose();
                assertEquals("* client left the chat", next(screen));
                assertTrue(first.awaitClosed());
            }
            assertEquals(0, server.get(5, TimeUnit.SECONDS));
        }
    }

    @Nested
    @DisplayName("a connection that breaks ends the program with a notice and exit 1")
    class Broken {

        @Test
        @DisplayName("the server, when its partner crashes")
        void server() throws Exception {
            try (Keyboard serverKeys = new Keyboard()) {
                Screen screen = new Screen();
                CompletableFuture<Integer> server = start(DirectChatServer::run, new String[] {"0"}, serverKeys, screen);
                int port = portOf(next(screen));
                next(screen);
                try (LoopbackClient partner = LoopbackClient.connect(port)) {
                    assertTrue(next(screen).contains(" joined"));
                    partner.socket().setSoLinger(true, 0); // close with a reset, like a crashed peer
                }
                assertEquals("! connection lost: Connection reset", next(screen));
                assertEquals("* bye", next(screen));
                assertEquals(1, server.get(5, TimeUnit.SECONDS), "exit code after a broken connection");
            }
        }

        @Test
        @DisplayName("the client, when the server crashes")
        void client() throws Exception {
            try (Keyboard clientKeys = new Keyboard();
                    ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                listener.setSoTimeout(5000);
                Screen screen = new Screen();
                CompletableFuture<Integer> client = start(DirectChatClient::run,
                        new String[] {"127.0.0.1", String.valueOf(listener.getLocalPort())}, clientKeys, screen);
                try (Socket crashing = listener.accept()) {
                    assertTrue(next(screen).startsWith("* connected to 127.0.0.1:"));
                    crashing.setSoLinger(true, 0); // close with a reset, like a crashed peer
                }
                assertEquals("! connection lost: Connection reset", next(screen));
                assertEquals("* bye", next(screen));
                assertEquals(1, client.get(5, TimeUnit.SECONDS), "exit code after a broken connection");
            }
        }
    }

    @Nested
    @DisplayName("user errors end with one line and an exit code")
    class Errors {

        String errors(Main main, int expectedExit, String... args) throws IOException {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = main.run(args, InputStream.nullInputStream(), new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            String text = err.toString(StandardCharsets.UTF_8);
            assertEquals(expectedExit, exit, "exit code; printed: " + text);
            assertTrue(text.startsWith("error: ") && !text.contains("Exception"), "one clear line: " + text);
            return text;
        }

        @Test
        @DisplayName("server: bad port (2), address not on this machine (1), port taken (1)")
        void server() throws IOException {
            assertTrue(errors(DirectChatServer::run, 2, "x").contains(DirectChatServer.USAGE));
            errors(DirectChatServer::run, 1, "0", "192.0.2.1");
            try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                assertTrue(errors(DirectChatServer::run, 1, String.valueOf(taken.getLocalPort()))
                        .startsWith("error: cannot listen on 127.0.0.1:"));
            }
        }

        @Test
        @DisplayName("client: bad port (2), unknown host (1), nobody listening (1)")
        void client() throws IOException {
            assertTrue(errors(DirectChatClient::run, 2, "127.0.0.1", "99999").contains(DirectChatClient.USAGE));
            // RFC 2606 reserves .invalid: such a name never resolves.
            assertEquals("error: unknown host no-such-host.invalid\n",
                    errors(DirectChatClient::run, 1, "no-such-host.invalid", "5556"));
            int closedPort;
            try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closedPort = listener.getLocalPort();
            }
            assertTrue(errors(DirectChatClient::run, 1, "127.0.0.1", String.valueOf(closedPort))
                    .startsWith("error: cannot connect to 127.0.0.1:" + closedPort));
        }
    }
}
