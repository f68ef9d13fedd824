package sockets.step5;

import static sockets.step1.tour.TourScript.say;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import sockets.step3.framing.LineTooLongException;
import sockets.step4.ChatServer;

/** Phases 1-4 and 6 of the {@link Tour}: each shows one exercise at work, and says what it saw. */
final class TourPhases {

    private TourPhases() {}

    /** 1. A peer that reads nothing: the kernel takes bytes until its buffers are full, then 0. */
    static void partialWrites() throws IOException {
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (SocketChannel channel = SocketChannel.open(listener.getLocalAddress());
                 Socket reader = listener.accept().socket()) {
                channel.configureBlocking(false);
                Outbox outbox = new Outbox(new BufferPool(Outbox.capacityFor(0)));
                long put = 0;
                byte[] block = new byte[Outbox.MAX_BYTES];
                do {
                    outbox.put(block);
                    put += block.length;
                } while (outbox.writeTo(channel) && put < 1L << 30);
                long taken = put - outbox.waiting();
                say("the client reads nothing; the server puts 64 KB in the outbox and writes, again and again");
                say("the kernel took %s, then a write took less: %s wait in the outbox", size(taken), size(outbox.waiting()));
                reader.setSoTimeout(5_000);
                InputStream in = reader.getInputStream();
                byte[] buffer = new byte[64 * 1024];
                long received = 0;
                while (received < put) {
                    outbox.writeTo(channel); // the rest goes out as the client makes room
                    received += in.read(buffer);
                }
                say("the client reads: all %s arrive, nothing lost, nothing waits any more (%s)", size(received),
                        outbox.waiting() == 0 ? "the outbox holds no buffer" : size(outbox.waiting()) + " left");
            }
        }
    }

    /** 2. Thousands of idle clients on one thread: no thread more, and a loop that sleeps. */
    static void oneThread() throws IOException {
        List<Socket> clients = new ArrayList<>();
        try (SelectorServer server = SelectorServer.start(forMany(), quiet())) {
            int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
            for (int i = 0; i < 2_000; i++) {
                clients.add(TourClient.idle(server.port()));
            }
            int threadsWith = ManagementFactory.getThreadMXBean().getThreadCount();
            long turns = server.turns();
            LockSupport.parkNanos(200_000_000L); // nobody says anything meanwhile
            say("a server on %s; 2,000 clients connect, and each is welcomed", server.address());
            say("threads in the JVM: %d before, %d with the 2,000 clients", threadsBefore, threadsWith);
            say("while they all sit idle for 200 ms the loop turns %d times: it sleeps in select()",
                    server.turns() - turns);
        } finally {
            for (Socket client : clients) {
                client.close(); // after the server: it has nothing to read of their goodbyes
            }
        }
    }

    /** 3. A 16-byte buffer and its line finder, fed as a connection's reads would feed it. */
    static void linesInABuffer() {
        LineFinder finder = new LineFinder(8);
        ByteBuffer buffer = ByteBuffer.allocate(16);
        for (String read : List.of("hel", "lo\nwor", "ld\r\n\n", "123456789", "9\nok\n")) {
            buffer.put(read.getBytes(StandardCharsets.US_ASCII)); // what a read() put there
            buffer.flip(); // read mode
            List<String> found = new ArrayList<>();
            while (true) {
                ByteBuffer line;
                try {
                    line = finder.next(buffer);
                } catch (LineTooLongException e) {
                    found.add("(over " + e.limit() + " bytes: too long)");
                    continue;
                }
                if (line == null) {
                    break;
                }
                found.add("\"" + StandardCharsets.US_ASCII.decode(line) + "\"");
            }
            String kept = StandardCharsets.US_ASCII.decode(buffer.duplicate()).toString();
            buffer.compact(); // write mode: what is left moves to the front
            say("read %-13s -> %-22s compact() keeps %s", quoted(read), found.isEmpty() ? "no whole line" : String.join(" ", found),
                    kept.isEmpty() ? "nothing" : quoted(kept));
        }
        say("(a line may have 8 bytes here, the chat's 4096; the rest of a line too long is dropped up to its LF)");
    }

    /** 4. Alice floods, bob reads nothing: the server holds a bounded amount and stops reading alice. */
    static void backPressure() throws IOException, InterruptedException {
        try (SelectorServer server = SelectorServer.start(ChatServer.Settings.onLoopback(), quiet());
             TourClient alice = new TourClient(server.port());
             TourClient bob = new TourClient(server.port())) {
            alice.readUntil("joined");
            bob.readUntil("chatting with");
            int lines = 100_000;
            Thread flood = Thread.ofPlatform().daemon().start(() -> alice.sendLines(lines));
            long end = System.nanoTime() + 10_000_000_000L;
            while (server.queuedBytes() < Outbox.MAX_BYTES && System.nanoTime() < end) {
                if (server.awaitStopped(1)) { // until bob's outbox is full: the kernel's buffers fill first
                    throw new IOException("the server stopped: " + server.failure()); // a stub, in the student edition
                }
            }
            say("alice sends %,d lines of 100 bytes as fast as she can; bob reads nothing", lines);
            say("the kernel's buffers fill, then bob's outbox: the server holds %s for him and reads alice no more",
                    size(server.queuedBytes()));
            int received = bob.countLines(lines);
            flood.join(5_000);
            say("bob reads at last: %,d lines arrive, in order; alice was slowed down by TCP, never dropped", received);
        }
    }

    /** 6. The console's thread hands a line to the loop; leaving is all sent, half-close, drain, close. */
    static void goodbyes() throws IOException {
        try (SelectorServer server = SelectorServer.start(ChatServer.Settings.onLoopback(), quiet());
             TourClient alice = new TourClient(server.port());
             TourClient bob = new TourClient(server.port())) {
            alice.show("alice", 3);
            bob.show("bob", 2);
            Thread operator = Thread.ofPlatform().name("console").start(() -> server.broadcast("hello from the console"));
            say("the operator types on the console (another thread): the loop is woken to send it");
            alice.show("alice", 1);
            bob.show("bob", 1);
            joinQuietly(operator);
            say("bob   > /quit");
            bob.send("/quit");
            bob.show("bob", 1);
            say("bob   | (end of stream: the server half-closed after '* bye'; bob closes too)");
            bob.expectEnd();
            bob.close();
            alice.show("alice", 2);
            say("the server shuts down:");
            Thread stopping = Thread.ofPlatform().start(server::shutdown);
            alice.show("alice", 1);
            alice.expectEnd();
            say("alice | (end of stream)");
            alice.close();
            joinQuietly(stopping);
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Room for the tour's thousands of clients (the default is 1,000). */
    static ChatServer.Settings forMany() {
        return new ChatServer.Settings("127.0.0.1", 0, 4096, 10_000);
    }

    static PrintStream quiet() {
        return new PrintStream(OutputStream.nullOutputStream());
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\r", "\\r").replace("\n", "\\n") + "\"";
    }

    /** 2700000 -> "2.6 MB", 65536 -> "64.0 KB". */
    static String size(long bytes) {
        return bytes >= 1024 * 1024 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024)
                : String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
}
