package sockets.step4;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * The step's tour ({@code chat demo}): a server and two scripted clients, alice and bob, chat on
 * loopback, and both screens are shown. Every step waits for what it causes, so it runs in a
 * blink and prints the same story every time.
 */
final class Demo {

    private Demo() {}

    static void run(PrintStream out) throws Exception {
        // 1. Start a server on a free port of 127.0.0.1 (its own log stays quiet).
        try (ChatServer server = ChatServer.start(ChatServer.Settings.onLoopback(), new PrintStream(OutputStream.nullOutputStream()))) {
            out.println("1. A chat server listens on " + server.address() + " (chat server --port 0).");

            // 2. Alice connects (chat client --name alice); nobody else is here, so she waits.
            out.println("2. Alice connects and waits for a partner.");
            ScriptedUser alice = new ScriptedUser("alice", out);
            FutureTask<Void> aliceChat = chat(server, "alice", alice);
            alice.awaitAndPrint("you are now alice");

            // 3. Bob connects: the server pairs him with alice, who has waited longest.
            out.println("3. Bob connects: the server pairs him with alice.");
            ScriptedUser bob = new ScriptedUser("bob", out);
            FutureTask<Void> bobChat = chat(server, "bob", bob);
            alice.awaitAndPrint("is now bob");
            bob.awaitAndPrint("you are now bob");

            // 4. Both type; each line goes to the partner only, as <NAME> TEXT.
            out.println("4. They talk; each line reaches the partner as <NAME> TEXT.");
            alice.type("hi bob! can you read me?");
            bob.awaitAndPrint("can you read me?");
            bob.type("loud and clear - and I type while you do");
            alice.awaitAndPrint("loud and clear");

            // 5. The operator types on the server's console: every client gets it.
            out.println("5. The operator types on the server's console; everyone sees it.");
            server.broadcast("this demo ends in a moment");
            alice.awaitAndPrint("<server>");
            bob.awaitAndPrint("<server>");

            // 6. Bob leaves with /quit: his client half-closes, the server says bye and closes.
            out.println("6. Bob types /quit: his client half-closes, the server says bye; alice waits again.");
            bob.type("/quit");
            bob.awaitAndPrint("* bye");
            alice.awaitAndPrint("waiting for a partner");
            bobChat.get(5, TimeUnit.SECONDS);

            // 7. Alice ends her input (Ctrl-D): the same graceful way out. Then the server stops.
            out.println("7. Alice presses Ctrl-D and leaves the same way; the server shuts down.");
            alice.endInput();
            alice.awaitAndPrint("* bye");
            aliceChat.get(5, TimeUnit.SECONDS);
            server.shutdown();
        }
        out.println("Everyone left gracefully.");
    }

    /** Runs {@code chat client --name NAME} for a scripted user on its own thread. */
    private static FutureTask<Void> chat(ChatServer server, String name, ScriptedUser user) {
        FutureTask<Void> chat = new FutureTask<>(() -> {
            ChatClient.chat("127.0.0.1", server.port(), name, user);
            return null;
        });
        Thread.ofVirtual().name("demo-" + name).start(chat);
        return chat;
    }
}
