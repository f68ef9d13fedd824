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

    /** A scripted user: a keyboard the script types on and a screen the conversation prints to. */
    private record User(String name, PipedOutputStream keys, PipedInputStream keyboard, Screen screen) {
        static User named(String name) throws IOException {
            PipedInputStream keyboard = new PipedInputStream(64 * 1024);
            return new User(name, new PipedOutputStream(keyboard), keyboard, new Screen());
        }

        void type(String line, PrintStream out) throws IOException {
            out.printf("   %-17s %s%n", name + " types:", line);
            keys.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            keys.flush();
        }

        void sees(PrintStream out) throws InterruptedException {
            out.printf("   %-17s %s%n", name + "'s screen:", screen.nextLine(DEADLINE));
        }
    }

    private ChatDemo() {}

    public static void scriptedConversation(PrintStream out) throws Exception {
        User server = User.named("server");
        User client = User.named("client");
        try (LoopbackPair pair = LoopbackPair.open()) {
            CompletableFuture<Boolean> serverSide = talk(pair.server(), "client", server);
            CompletableFuture<Boolean> clientSide = talk(pair.client(), "server", client);
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
            boolean bothGraceful = serverSide.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                    && clientSide.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            out.println("   both conversations ended " + (bothGraceful ? "gracefully" : "with a broken connection")
                    + "; both sockets closed");
        } finally {
            server.keys().close(); // end of input: lets the keyboard threads finish
            client.keys().close();
        }
    }

    private static CompletableFuture<Boolean> talk(Socket socket, String partner, User user) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name(user.name()).start(() -> {
            try {
                done.complete(new Conversation(socket, partner, user.screen().printStream()).run(user.keyboard()));
            } catch (IOException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }
}
