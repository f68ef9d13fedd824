package sockets.step3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.step3.tour.Screen;
import sockets.testing.Background;
import sockets.testing.Exercise;
import sockets.testing.LoopbackClient;

@Timeout(10)
@DisplayName("Echo server")
class EchoServerTest {

    @Nested
    @Exercise("3.1")
    @DisplayName("echo(in, out)")
    class Echo {

        @Test
        @DisplayName("copies every byte value unchanged and counts them")
        void everyByte() throws IOException {
            byte[] all = new byte[3 * 256];
            for (int i = 0; i < all.length; i++) {
                all[i] = (byte) i;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long count = EchoServer.echo(Streams.oneByteAtATime(new ByteArrayInputStream(all)), out);
            assertArrayEquals(all, out.toByteArray(),
                    "the echo must equal the input - write(buffer, 0, count), not the whole buffer");
            assertEquals(all.length, count, "echo returns how many bytes it copied");
        }

        @Test
        @DisplayName("a client gets each line back at once, through a buffered stream")
        void echoesEachLineAtOnce() throws Exception {
            try (Connected connection = Connected.open()) {
                Socket socket = connection.socket();
                CompletableFuture<Long> echoed = Background.supply(() -> {
                    try {
                        return EchoServer.echo(socket.getInputStream(), new BufferedOutputStream(socket.getOutputStream()));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
                connection.peer().send("first");
                assertEquals("first", connection.peerLine("did you flush() after each write?"));
                connection.peer().send("second");
                assertEquals("second", connection.peerLine("the echo must go on until read() returns -1"));
                connection.peer().halfClose();
                assertEquals(13, echoed.get(2, TimeUnit.SECONDS),
                        "echo should return the byte count once read() returns -1");
            }
        }
    }

    @Nested
    @Exercise("3.1")
    @DisplayName("the program")
    class Program {

        @Test
        @DisplayName("serves clients one after another, as nc would see it")
        void servesClients() throws Exception {
            Screen screen = new Screen();
            CompletableFuture<Integer> exit = Background.supply(
                    () -> EchoServer.run(new String[] {"0", "2"}, screen.printStream(), System.err));
            String listening = screen.nextLine(Duration.ofSeconds(5));
            assertTrue(listening.startsWith("listening on 127.0.0.1:"), listening);
            int port = Integer.parseInt(listening.substring(listening.lastIndexOf(':') + 1));
            for (String word : new String[] {"one", "two"}) {
                try (LoopbackClient client = LoopbackClient.connect(port)) {
                    client.send(word);
                    assertEquals(word, client.readLine(), "echo of '" + word + "'");
                    client.halfClose();
                    assertNull(client.readLine(), "the server closes after our half-close");
                }
            }
            assertEquals(0, exit.get(5, TimeUnit.SECONDS), "exit code after serving 2 clients");
            assertTrue(screen.nextLine(Duration.ofSeconds(1)).contains("connected"));
            assertEquals("client left; 4 bytes echoed", screen.nextLine(Duration.ofSeconds(1)));
        }

        @Test
        @DisplayName("a client whose connection breaks is reported, and the next one is served")
        void clientLost() throws Exception {
            Screen screen = new Screen();
            CompletableFuture<Integer> exit = Background.supply(
                    () -> EchoServer.run(new String[] {"0", "2"}, screen.printStream(), System.err));
            String listening = screen.nextLine(Duration.ofSeconds(5));
            int port = Integer.parseInt(listening.substring(listening.lastIndexOf(':') + 1));
            try (LoopbackClient crashing = LoopbackClient.connect(port)) {
                crashing.send("doomed");
                assertEquals("doomed", crashing.readLine());
                crashing.socket().setSoLinger(true, 0); // close with a reset, like a crashed client
            }
            assertTrue(screen.nextLine(Duration.ofSeconds(2)).endsWith(" connected"));
            assertEquals("client lost: Connection reset", screen.nextLine(Duration.ofSeconds(2)),
                    "a broken connection is one line in the log, not the end of the server");
            try (LoopbackClient next = LoopbackClient.connect(port)) {
                next.send("next");
                assertEquals("next", next.readLine(), "the server goes on with the next client");
                next.halfClose();
                assertNull(next.readLine());
            }
            assertEquals(0, exit.get(5, TimeUnit.SECONDS), "exit code after serving 2 clients");
        }

        @Test
        @DisplayName("bad arguments give what is wrong and the usage, exit 2; a taken port exits 1")
        void errors() throws IOException {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
            PrintStream out = new PrintStream(OutputStream.nullOutputStream());
            assertEquals(2, EchoServer.run(new String[] {"http"}, out, errors));
            assertEquals(List.of("error: PORT must be a number from 0 to 65535, was 'http'", EchoServer.USAGE),
                    err.toString(StandardCharsets.UTF_8).lines().toList());
            assertEquals(2, EchoServer.run(new String[] {"0", "0"}, out, errors));
            assertEquals(2, EchoServer.run(new String[] {"70000"}, out, errors));
            try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                taken.setReuseAddress(false);
                assertEquals(1, EchoServer.run(new String[] {String.valueOf(taken.getLocalPort())}, out, errors));
            }
            String text = err.toString(StandardCharsets.UTF_8);
            assertTrue(text.contains("error: PORT must be a number from 0 to 65535, was 'http'"), text);
            assertTrue(text.contains("error: CLIENTS must be a whole number of at least 1, was '0'"), text);
            assertTrue(text.contains("error: cannot listen on port"), text);
            assertTrue(!text.contains("Exception"), "no stack trace for a user error: " + text);
        }
    }
}
