package sockets.step4;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The server's console, for its operator: commands answered here and never sent to a client
 * ({@code /help}, {@code /who}, {@code /msg}, {@code /kick}, {@code /quit}), and any other line
 * spoken to every client. It drives any server through {@link ChatControls}, and reads and prints
 * through a {@link UserTerminal}: JLine on a terminal (editing, history, the server's log printed
 * above the line being typed), plain lines when stdin is not one. End of input ends the console
 * only: a server started in the background keeps serving.
 */
public final class OperatorConsole {

    static final String GREETING = "type a line to send it to every client; /help lists the commands";
    static final List<String> HELP = List.of(
            "/who                 who is here: rooms, who waits, names and addresses",
            "/msg NAME TEXT       send <server> TEXT to NAME only",
            "/kick NAME [REASON]  disconnect NAME (its partner is told and waits again)",
            "/quit                shut the server down gracefully (Ctrl-C too)",
            "any other line       goes to every client as <server> TEXT");

    private final ChatControls server;
    private final UserTerminal terminal;

    private OperatorConsole(ChatControls server, UserTerminal terminal) {
        this.server = server;
        this.terminal = terminal;
    }

    /** Reads the operator's lines from {@code terminal} and obeys them, until {@code /quit} or end of input. */
    public static void run(ChatControls server, UserTerminal terminal) throws IOException {
        OperatorConsole console = new OperatorConsole(server, terminal);
        terminal.show(GREETING);
        String line;
        while ((line = terminal.readLine()) != null) {
            if (!console.obey(line)) {
                return; // The operator typed /quit: the server has shut down.
            }
        }
        // No more input (a server started with < /dev/null, or Ctrl-D): serve on without a console.
        terminal.show("console input ended; the server goes on (Ctrl-C or kill stops it)");
    }

    /**
     * A {@link PrintStream} for the server's log that shows each line on {@code terminal}: with
     * JLine, above the line the operator is typing instead of through it.
     */
    public static PrintStream log(UserTerminal terminal) {
        return new PrintStream(new LineSink(terminal), true, StandardCharsets.UTF_8);
    }

    /** One line typed by the operator; false after {@code /quit}. */
    private boolean obey(String line) {
        String[] words = line.strip().split("\\s+", 3);
        String verb = words[0].toLowerCase(Locale.ROOT);
        if (verb.isEmpty()) {
            return true; // A blank line: nothing to do.
        }
        if (!verb.startsWith("/")) {
            int count = server.broadcast(line);
            terminal.show("sent to " + count + (count == 1 ? " client" : " clients"));
            return true;
        }
        String name = words.length > 1 ? words[1] : "";
        String rest = words.length > 2 ? words[2] : "";
        switch (verb) {
            case "/help" -> HELP.forEach(terminal::show);
            case "/who" -> who();
            case "/msg" -> {
                if (rest.isEmpty()) {
                    terminal.show("! usage: /msg NAME TEXT");
                } else {
                    terminal.show(server.message(name, rest) ? "sent to " + name : nobody(name));
                }
            }
            case "/kick" -> {
                if (name.isEmpty()) {
                    terminal.show("! usage: /kick NAME [REASON]");
                } else {
                    terminal.show(server.kick(name, rest) ? "kicked " + name : nobody(name));
                }
            }
            case "/quit" -> {
                server.shutdown();
                return false;
            }
            default -> terminal.show("! unknown command " + HarmlessText.clean(verb) + " - type /help");
        }
        return true;
    }

    private static String nobody(String name) {
        return "! nobody is called " + HarmlessText.clean(name) + " - /who lists who is here";
    }

    /** {@code /who}: a count, then one line per room and one per client waiting. */
    private void who() {
        List<ChatControls.Connected> here = server.who();
        long waiting = here.stream().filter(client -> client.partner() == null).count();
        long rooms = (here.size() - waiting) / 2;
        terminal.show(here.size() + " connected: " + rooms + (rooms == 1 ? " room, " : " rooms, ") + waiting + " waiting");
        for (int i = 0; i < here.size(); i++) {
            ChatControls.Connected client = here.get(i);
            if (client.partner() == null) {
                terminal.show("  " + client.name() + " (" + client.address() + ") waits");
            } else {
                ChatControls.Connected partner = here.get(++i); // A room's two members come together.
                terminal.show("  " + client.name() + " (" + client.address() + ") with "
                        + partner.name() + " (" + partner.address() + ")");
            }
        }
    }

    /** Collects bytes into lines and shows each complete line; one lock, as many threads log. */
    private static final class LineSink extends OutputStream {
        private final UserTerminal terminal;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private final ReentrantLock lock = new ReentrantLock();

        LineSink(UserTerminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public void write(int b) {
            lock.lock();
            try {
                if (b == '\n') {
                    terminal.show(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                } else if (b != '\r') { // A CRLF line separator ends a line as LF does.
                    line.write(b);
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
