package sockets.step3.tour;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import sockets.step3.LoopbackPair;
import sockets.step3.chat.Conversation;

/**
 * The direct chat with two scripted users, one at each end of a loopback connection. Each typed
 * line is shown when it appears on the other user's screen, so the transcript is always the same.
 */
public final class ChatDemo {

    static final Duration DEADLINE = Duration.ofSeconds(5);

    /**
     * A scripted user: a keyboard the script types on, a screen the conversation prints to, and
     * the conversation itself, which ends with whether it was graceful - or with what broke it.
     */
    private record User(String name, PipedOutputStream keys, PipedInputStream keyboard, Screen screen,
                        CompletableFuture<Boolean> conversation) {
        static User named(String name) throws IOException {
            PipedInputStream keyboard = new PipedInputStream(64 * 1024);
            return new User(name, new PipedOutputStream(keyboard), keyboard, new Screen(), new CompletableFuture<>());
        }

        void type(String line, PrintStream out) throws IOException {
            out.printf("   %-17s %s%n", name + " types:", line);
            keys.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            keys.flush();
        }

        /** Prints the next line on this user's screen; fails at once if the conversation broke. */
        void sees(PrintStream out) throws Exception {
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            String line = null;
            while (line == null && System.nanoTime() < deadline) { // exit: a line, or the deadline
                if (conversation.isCompletedExceptionally()) {
                    conversation.get(); // rethrows what ended it
                }
                line = screen.pollLine(Duration.ofMillis(50));
            }
            if (line == null) {
                throw new IllegalStateException("nothing on " + name + "'s screen within " + DEADLINE.toMillis() + " ms");
            }
            out.printf("   %-17s %s%n", name + "'s screen:", line);
        }
    }

    private ChatDemo() {}

    public static void scriptedConversation(PrintStream out) throws Exception {
        User server = User.named("server");
        User client = User.named("client");
        try (LoopbackPair pair = LoopbackPair.open()) {
            talk(pair.server(), "client", server);
            talk(pair.client(), "server", client);
            client.type("hi, anyone there?", out);
            server.sees(out);
            server.type("yes! welcome", out);
            client.sees(out);
            client.type("UTF-8 works: café, 日本", out);
            server.sees(out);
            server.type("two lines", out);
            server.type("in a row", out);
            client.sees(out);
            client.sees(out);
            client.type("I have to go, bye", out);
            client.type("/quit", out);
            server.sees(out); // the last line arrives before the goodbye
            server.sees(out);
            server.sees(out);
            client.sees(out);
            boolean bothGraceful = server.conversation().get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                    && client.conversation().get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            out.println("   both conversations ended " + (bothGraceful ? "gracefully" : "with a broken connection")
                    + "; both sockets closed");
        } finally {
            server.keys().close(); // end of input: lets the keyboard threads finish
            client.keys().close();
        }
    }

    private static void talk(Socket socket, String partner, User user) {
        Thread.ofPlatform().daemon().name(user.name()).start(() -> {
            try {
                user.conversation().complete(new Conversation(socket, partner, user.screen().printStream())
                        .run(user.keyboard()));
            } catch (Exception e) {
                user.conversation().completeExceptionally(e);
            }
        });
    }
}
