package sockets.step4;

import java.io.IOException;
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
     * Connects, chats until the server closes, and returns normally if the server said goodbye
     * ({@code * bye} or a shutdown notice); otherwise throws with a message for the user.
     */
    public static void chat(String host, int port, String name, UserTerminal terminal) throws IOException {
        try (SimpleSocket socket = SimpleSocket.connect(host, port, CONNECT_TIMEOUT_MILLIS, MAX_LINE_BYTES)) {
            if (name != null) {
                socket.sendLine("/nick " + name);
            }
            ChatClient client = new ChatClient(socket, terminal);
            Thread.ofPlatform().name("keyboard").daemon().start(client::sendWhatIsTyped);
            client.showWhatArrives();
        }
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

    /** Shows lines until the server closes; throws unless the server said goodbye first. */
    private void showWhatArrives() throws IOException {
        // tag::solution-4.9[]
        boolean saidGoodbye = false;
        boolean full = false;
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
        }
        if (full) {
            throw new IOException("the server is full - try again later");
        }
        if (!saidGoodbye) {
            throw new IOException("connection lost - the server closed without saying goodbye");
        }
        // end::solution-4.9[]
    }
}
