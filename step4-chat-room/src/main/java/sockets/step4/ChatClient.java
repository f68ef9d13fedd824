package sockets.step4;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import sockets.step3.framing.LineTooLongException;

/**
 * The chat client: what the user types goes to the server, what arrives is shown (cleaned by
 * {@link HarmlessText}). End of input (or {@code /quit}) half-closes; the conversation ends when
 * the server has said goodbye and closed.
 */
public final class ChatClient {

    static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    /** Longest line accepted from the server or the keyboard. */
    static final int MAX_LINE_BYTES = 64 * 1024;

    private final SimpleSocket socket;
    private final UserTerminal terminal;

    private ChatClient(SimpleSocket socket, UserTerminal terminal) {
        this.socket = socket;
        this.terminal = terminal;
    }

    /**
     * Connects, takes {@code name} (unless null), chats until the server closes, and returns
     * normally if the server said goodbye ({@code * bye} or a shutdown notice); otherwise throws
     * with a message for the user - {@code cannot use that name: ...} when the name is refused.
     */
    public static void chat(String host, int port, String name, UserTerminal terminal) throws IOException {
        chat(SimpleSocket.connect(host, port, CONNECT_TIMEOUT_MILLIS, MAX_LINE_BYTES), name, terminal);
    }

    /** The same on a socket connected already - with TLS, say ({@link ClientTlsOptions}); closes it at the end. */
    public static void chat(SimpleSocket connected, String name, UserTerminal terminal) throws IOException {
        try (SimpleSocket socket = connected) {
            ChatClient client = new ChatClient(socket, terminal);
            if (name != null && !client.takeName(name)) {
                return; // The server shut down before it answered: a goodbye all the same.
            }
            Thread.ofPlatform().name("keyboard").daemon().start(client::sendWhatIsTyped);
            client.showWhatArrives();
        }
    }

    /**
     * Asks for {@code name} before anything is typed, and waits for the answer; what the server
     * said meanwhile (the welcome, a partner) is shown once the name is ours. A refusal (the name
     * is taken) leaves gracefully and throws {@code cannot use that name: ...}: the user asked to
     * be someone, not a guest. False when the server shut down before answering.
     */
    private boolean takeName(String name) throws IOException {
        socket.sendLine("/nick " + name);
        List<String> meanwhile = new ArrayList<>();
        String line;
        while ((line = socket.receiveLine()) != null && !line.equals("* you are now " + name)) {
            if (line.startsWith("! cannot use that name: ")) {
                socket.shutdownOutput(); // Leave as /quit does; the server says bye and closes.
                Closing.drainAndClose(socket, CONNECT_TIMEOUT_MILLIS);
                throw new IOException(line.substring(2));
            }
            meanwhile.add(line);
        }
        if (line != null) {
            meanwhile.add(line);
        }
        for (String early : meanwhile) {
            terminal.show(HarmlessText.clean(early));
        }
        if (line != null) {
            return true;
        }
        // The server closed before answering: refused on arrival, shutting down, or gone.
        String last = meanwhile.isEmpty() ? "" : meanwhile.getLast();
        if (last.startsWith("* server is shutting down")) {
            return false;
        }
        if (last.startsWith("* kicked by the operator")) {
            // Kicked before the name was confirmed: the lobby tells the partner of a rename before
            // this client's own "* you are now NAME" is queued, and the operator may act in between.
            throw new IOException(HarmlessText.clean(last.substring(2)));
        }
        throw new IOException(last.startsWith("! server is full") ? "the server is full - try again later"
                : "connection lost - the server closed without saying goodbye");
    }

    /** Sends each typed line; at end of input or {@code /quit}, half-closes. */
    private void sendWhatIsTyped() {
        // tag::solution-4.9[]
        try {
            // tag::send-typed[]
            String typed;
            while ((typed = terminal.readLine()) != null) {
                if (typed.strip().equals("/quit")) {
                    break; // Leaving: the half-close below tells the server.
                }
                socket.sendLine(typed);
            }
            // end::send-typed[]
            // We send nothing more, but keep reading: the partner's last lines and "* bye" are coming.
            // tag::send-typed[]
            socket.shutdownOutput();
            // end::send-typed[]
        } catch (IOException e) {
            // The connection is gone; showWhatArrives sees it too and reports it.
        }
        // end::solution-4.9[]
    }

    /**
     * Shows lines (cleaned) until the server closes; then returns if the server said goodbye
     * ({@code * bye}, or {@code * server is shutting down}), or else throws an IOException saying
     * why: {@code the server is full - try again later} after {@code ! server is full ...},
     * {@code kicked by the operator: REASON} after {@code * kicked by the operator: REASON} (the
     * line without its {@code * }), otherwise {@code connection lost - the server closed without
     * saying goodbye}. A line too long to read is shown as {@code ! a line too long to show was skipped}.
     */
    private void showWhatArrives() throws IOException {
        // tag::solution-4.9[]
        boolean saidGoodbye = false;
        boolean full = false;
        String kicked = null;
        while (true) {
            String line;
            try {
                line = socket.receiveLine();
            } catch (LineTooLongException e) {
                terminal.show("! a line too long to show was skipped");
                continue;
            } catch (IOException e) {
                line = null; // Reset by the server: the same as closing, without a goodbye.
            }
            if (line == null) {
                break; // The server closed the connection.
            }
            terminal.show(HarmlessText.clean(line));
            saidGoodbye |= line.equals("* bye") || line.startsWith("* server is shutting down");
            full |= line.startsWith("! server is full");
            if (line.startsWith("* kicked by the operator")) {
                kicked = HarmlessText.clean(line.substring(2));
            }
        }
        if (full) {
            throw new IOException("the server is full - try again later");
        }
        if (kicked != null) {
            throw new IOException(kicked);
        }
        if (!saidGoodbye) {
            throw new IOException("connection lost - the server closed without saying goodbye");
        }
        // end::solution-4.9[]
    }
}
