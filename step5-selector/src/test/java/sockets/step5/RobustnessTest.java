package sockets.step5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import sockets.testing.Exercise;
import sockets.testing.LoopbackClient;
import sockets.testing.OpenDescriptors;

/**
 * The promises of step 4's table ("What the server promises") kept by the server on one thread -
 * hostile input, resets, bursts of arrivals, churn, clients that never read. Graded with the last
 * exercise, 5.5: they need the whole server.
 */
@Exercise("5.5")
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@DisplayName("The selector server survives")
@ExtendWith(StubFirst.class)
class RobustnessTest {

    /** Stalled rooms in {@link #manyStalledRooms}: few, for time (the bench runs 500: ./course bench --only stalled). */
    private static final int ROOMS = 8;

    @Test
    @DisplayName("300 connections at once: all welcomed; all gone: nothing held")
    void threeHundredAtOnce() throws IOException {
        try (TestServer chat = TestServer.start()) {
            List<Socket> sockets = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                sockets.add(rawConnect(chat.server.port()));
            }
            for (Socket socket : sockets) {
                assertTrue(firstLine(socket).startsWith("* welcome"), "each of 300 clients is welcomed");
            }
            for (Socket socket : sockets) {
                socket.close();
            }
            TestServer.waitFor(() -> chat.server.connections() == 0 && chat.server.clients() == 0,
                    "every connection to end (connections: " + chat.server.connections() + ")");
        }
    }

    @Test
    @DisplayName("1,000 connect/close cycles - quits, half-closes, resets - leave no connection or descriptor behind")
    void churnLeavesNothing() throws IOException {
        try (TestServer chat = TestServer.start()) {
            LoopbackClient alice = chat.join("alice"); // stays through it all
            long descriptors = OpenDescriptors.count();
            for (int i = 0; i < 1000; i++) {
                Socket socket = rawConnect(chat.server.port());
                firstLine(socket);
                switch (i % 3) {
                    case 0 -> socket.getOutputStream().write("/quit\n".getBytes(StandardCharsets.US_ASCII));
                    case 1 -> socket.shutdownOutput();
                    default -> socket.setSoLinger(true, 0); // close() now sends a reset
                }
                socket.close();
            }
            TestServer.waitFor(() -> chat.server.connections() == 1 && chat.server.clients() == 1,
                    "every cycle's connection to end");
            TestServer.waitFor(() -> OpenDescriptors.count() <= descriptors + 5,
                    "the descriptors of 1,000 connections to be freed (" + descriptors + " before)");
            alice.send("/who");
            alice.expectLine(line -> line.startsWith("* you are alice, waiting for a partner; 1 connected"),
                    "alice still served, alone");
        }
    }

    @Test
    @DisplayName("a reset in the middle of a line: nothing half is relayed, the partner is told, the server goes on")
    void resetMidLine() throws IOException {
        try (TestServer chat = TestServer.start()) {
            LoopbackClient[] room = chat.pair("alice", "bob");
            room[0].sendRaw("half a li".getBytes(StandardCharsets.US_ASCII));
            room[0].socket().setSoLinger(true, 0);
            room[0].close();
            assertEquals("* alice left (connection lost)", room[1].readLine(), "no half line first, just the notice");
            LoopbackClient carol = chat.join("carol");
            carol.send("hi");
            room[1].expectLine("<carol> hi"::equals, "the server serves on");
        }
    }

    @Test
    @DisplayName("binary junk: the partner sees only harmless lines; the sender is served on")
    void binaryJunk() throws IOException {
        try (TestServer chat = TestServer.start()) {
            LoopbackClient[] room = chat.pair("alice", "bob");
            byte[] junk = new byte[64 * 1024];
            new Random(42).nextBytes(junk);
            room[0].sendRaw(junk);
            room[0].send("");
            room[0].send("the end");
            while (true) {
                String line = room[1].readLine();
                assertTrue(line.startsWith("<alice> "), "only messages reach bob: " + line);
                assertFalse(line.chars().anyMatch(c -> (c < 0x20 && c != '\t') || (c >= 0x7F && c <= 0x9F)),
                        "no control character reaches bob");
                if (line.equals("<alice> the end")) {
                    break;
                }
            }
        }
    }

    @Test
    @DisplayName("rooms whose senders flood partners that never read: a newcomer is welcomed, every sleeper dropped")
    // 48 MB of floods, and two waits of up to 30 s each: the class's 30 s is too short on a loaded machine.
    @Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void manyStalledRooms() throws IOException {
        // Every socket stays referenced until the end: a socket nobody references is closed by the
        // garbage collector - a sender whose flood sits written in the kernel would then reset, and
        // leave its sleeper with nothing more to stall on.
        List<Socket> senders = new ArrayList<>();
        List<Socket> sleepers = new ArrayList<>();
        try (TestServer chat = TestServer.withTimeouts(0, 2_000)) {
            for (int room = 0; room < ROOMS; room++) {
                Socket sender = rawConnect(chat.server.port());
                senders.add(sender);
                Socket sleeper = new Socket();
                sleepers.add(sleeper);
                sleeper.setReceiveBufferSize(4096); // a small window: the server's outbox fills soon
                sleeper.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), chat.server.port()), 5_000);
                Flood.start(sender, 60_000); // 6 MB: more than the kernel holds for a sleeper
            }
            List<String> sleeperNames = new ArrayList<>();
            for (Socket sleeper : sleepers) {
                sleeperNames.add(nameOf(chat, sleeper));
            }
            // Stalled: every sleeper's outbox full - or the first ones already dropped after the
            // stall time (2 s) while the floods of a loaded machine still fill the others.
            TestServer.waitFor(() -> chat.server.queuedBytes() >= ROOMS * (long) Outbox.MAX_BYTES
                            || dropped(chat, sleeperNames) > 0,
                    "the sleepers' outboxes to fill (the kernel's buffers fill first)", 30);
            try (LoopbackClient newcomer = LoopbackClient.connect(chat.server.port())) {
                newcomer.expectLine(line -> line.startsWith("* welcome"), "a newcomer's welcome while the rooms are stalled");
            }
            // Only the sleepers' own drops count: a sender left alone (or paired with another) never
            // reads its replies either, and may be dropped too.
            TestServer.waitFor(() -> dropped(chat, sleeperNames) == ROOMS,
                    "every sleeper " + sleeperNames + " to be dropped after the stall time (2 s)", 30);
            for (Socket sleeper : sleepers) {
                sleeper.setSoTimeout(5_000);
                assertTrue(readToEnd(sleeper.getInputStream()), "every sleeper is closed by the server");
            }
            closeAll(senders);
            TestServer.waitFor(() -> chat.server.connections() == 0 && chat.server.queuedBytes() == 0,
                    "every connection to end and its waiting bytes to be freed", 30);
        } finally {
            closeAll(senders);
            closeAll(sleepers);
        }
    }

    /** The name the server gave {@code client}, from its log line {@code + NAME from 127.0.0.1:PORT}. */
    private static String nameOf(TestServer chat, Socket client) {
        Pattern joined = Pattern.compile("^\\+ (\\S+) from 127\\.0\\.0\\.1:" + client.getLocalPort() + "$", Pattern.MULTILINE);
        TestServer.waitFor(() -> joined.matcher(chat.log()).find(), "the log line '+ NAME from 127.0.0.1:"
                + client.getLocalPort() + "'", 30);
        Matcher matcher = joined.matcher(chat.log());
        assertTrue(matcher.find());
        return matcher.group(1);
    }

    /** How many of {@code names} the server dropped for not reading. */
    private static long dropped(TestServer chat, List<String> names) {
        String log = chat.log();
        return names.stream().filter(name -> log.contains("- " + name + " left (was not reading, disconnected)")).count();
    }

    private static void closeAll(List<Socket> sockets) throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    @Test
    @DisplayName("both partners quitting at once: both get '* bye', nobody is paired with a ghost")
    void bothQuitAtOnce() throws IOException {
        try (TestServer chat = TestServer.start()) {
            LoopbackClient[] room = chat.pair("alice", "bob");
            room[0].send("/quit");
            room[1].send("/quit");
            for (LoopbackClient client : room) {
                client.expectLine("* bye"::equals, "'* bye'");
                client.halfClose();
            }
            TestServer.waitFor(() -> chat.server.connections() == 0 && chat.server.clients() == 0, "both gone");
        }
    }

    private static Socket rawConnect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
        socket.setSoTimeout(5_000);
        return socket;
    }

    /** The first line, read a byte at a time (nothing after it is consumed). */
    private static String firstLine(Socket socket) throws IOException {
        StringBuilder line = new StringBuilder();
        InputStream in = socket.getInputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("closed before a whole line: " + line);
            }
            line.append((char) b);
        }
        return line.toString();
    }

    /** Reads until the end of the stream (or a reset): true; false if the read deadline passes first. */
    private static boolean readToEnd(InputStream in) {
        byte[] buffer = new byte[64 * 1024];
        try {
            while (in.read(buffer) >= 0) {
                // the rest of what waited for this client
            }
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }
}
