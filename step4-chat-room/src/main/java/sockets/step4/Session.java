package sockets.step4;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sockets.step3.framing.LineTooLongException;

/**
 * One client on the server, run on that client's own thread: joins the {@link Lobby}, reads the
 * client's lines, obeys commands and relays messages to the partner's {@link Mailbox}, and on the
 * way out tells the partner - after every line this client sent, since this thread sent those
 * first - and closes gracefully.
 */
final class Session {

    static final String HELP = "* commands: /nick NAME (change your name), /who (who is here),"
            + " /help (this text), /quit (leave); any other line goes to your partner";
    static final String SHUTTING_DOWN = "* server is shutting down";
    static final String KICKED = "* kicked by the operator";
    /** How long a leaving client gets to read its last lines and close its side. */
    static final int GOODBYE_MILLIS = 2_000;

    private final SimpleSocket socket;
    private final Outbox outbox;
    private final Lobby lobby;
    private final PrintStream log;
    private Member member;
    /** Set by the operator's thread ({@link #kick}), read by this client's. */
    private volatile boolean kicked;
    /** Counted down once this client has left the lobby (and the log says so). */
    private final CountDownLatch gone = new CountDownLatch(1);

    Session(SimpleSocket socket, Lobby lobby, PrintStream log, int stallMillis) {
        this.socket = socket;
        this.outbox = new Outbox(socket, stallMillis, Thread.ofVirtual().name("writer"));
        this.lobby = lobby;
        this.log = log;
    }

    /** Chats with the client until it leaves or the connection ends; then closes it. */
    void run(int idleTimeoutMillis) {
        member = lobby.join(outbox, socket.remoteAddress());
        if (member == null) {
            finish(SHUTTING_DOWN); // The server began to shut down as this client arrived.
            return;
        }
        log.println("+ " + member.name + " from " + socket.remoteAddress());
        String why;
        try {
            socket.idleTimeout(idleTimeoutMillis);
            why = converse();
        } catch (IOException e) {
            // Reset, silent too long, or closed under us (we stopped reading, or a shutdown).
            why = outbox.notReading() ? " (was not reading, disconnected)"
                    : e.getMessage().equals("silent too long") ? " (silent too long, disconnected)"
                    : " (connection lost)";
        }
        if (kicked) {
            why = " (kicked by the operator)"; // The end of its stream was ours: see kick().
        }
        // False once the server shuts down: then nobody is told, and the notice was sent already.
        boolean left = lobby.leave(member, why);
        log.println("- " + member.name + " left" + (left ? why : " (server shutting down)"));
        gone.countDown();
        finish(left ? "* bye" : null);
    }

    /** Refuses this client with {@code line} ({@code ! server is full ...}, say) and closes. */
    void refuse(String line) {
        finish(line);
    }

    /** The server shuts down: the notice, then end of stream; the client closes its side in turn. */
    void shutdown() {
        outbox.finish(SHUTTING_DOWN);
    }

    /** True when this session's client is {@code member} of the lobby. */
    boolean serves(Member member) {
        return member.mailbox == outbox;
    }

    /**
     * The operator kicks this client out (called on the console's thread): the notice, then end
     * of stream; and this session's own thread stops reading, sees end of stream and leaves the
     * lobby - so its partner is told after every line this client had sent, as when it quits.
     * Returns once it has left (at most {@link #GOODBYE_MILLIS}).
     */
    void kick(String reason) {
        kicked = true;
        outbox.finish(reason.isBlank() ? KICKED : KICKED + ": " + HarmlessText.clean(reason));
        Closing.stopReading(socket);
        try {
            gone.await(GOODBYE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // Asked to hurry: it leaves on its own all the same.
        }
    }

    /** Bytes waiting in this client's outbox now. */
    long waitingBytes() {
        return outbox.waitingBytes();
    }

    /** Closes at once, without a goodbye: the end of a shutdown, for a client that did not close in time. */
    void closeNow() {
        socket.close();
    }

    /**
     * Reads and handles lines until the client quits or closes its side; returns why it left
     * ({@code ""} then). An over-long line is answered {@code ! line too long (more than N bytes) - not sent}.
     */
    private String converse() throws IOException {
        // tag::solution-4.7[]
        // tag::converse[]
        while (true) {
            String line;
            try {
                line = socket.receiveLine();
            } catch (LineTooLongException e) {
                // The reader skips the rest of that line: say so and read on.
                reply("! line too long (more than " + e.limit() + " bytes) - not sent");
                continue;
            }
            if (line == null) {
                return ""; // The client half-closed or closed: the graceful way out.
            }
            if (line.isBlank()) {
                continue;
            }
            if (!line.startsWith("/")) {
                relay(line);
            } else if (!command(line)) {
                return ""; // The client typed /quit.
            }
        }
        // end::converse[]
        // end::solution-4.7[]
    }

    /**
     * A message for the partner, as {@code <NAME> TEXT} with the text made harmless: waits while the
     * partner is behind (flow control). Alone, the client is answered
     * {@code ! nobody is here yet - your message was not sent; wait for a partner}.
     */
    private void relay(String text) {
        // tag::solution-4.7[]
        // tag::relay[]
        Member partner = lobby.partnerOf(member);
        if (partner == null) {
            reply("! nobody is here yet - your message was not sent; wait for a partner");
            return;
        }
        partner.mailbox.send("<" + member.name + "> " + HarmlessText.clean(text));
        // end::relay[]
        // end::solution-4.7[]
    }

    /**
     * Answers this client. A reply is sent, not told: it waits while this client's own outbox is
     * full, so a client that asks faster than it reads is slowed down by TCP, never dropped.
     */
    private void reply(String line) {
        outbox.send(line);
    }

    /**
     * Obeys one command line; false for {@code /quit}. {@code /nick} without a name is answered
     * {@code ! usage: /nick NAME}, an unknown verb {@code ! unknown command VERB - type /help}.
     */
    private boolean command(String line) {
        // tag::solution-4.7[]
        ChatCommand command = ChatCommand.parse(line);
        switch (command.verb()) {
            case "/quit" -> {
                return false;
            }
            case "/nick" -> reply(command.argument().isEmpty() ? "! usage: /nick NAME" : lobby.rename(member, command.argument()));
            case "/who" -> reply(lobby.who(member));
            case "/help" -> reply(HELP);
            default -> reply("! unknown command " + HarmlessText.clean(command.verb()) + " - type /help");
        }
        return true;
        // end::solution-4.7[]
    }

    /**
     * Closes gracefully: {@code lastLine} (unless null) and the lines still waiting go out, then
     * end of stream; then we read until the client closes its side too, and close.
     */
    private void finish(String lastLine) {
        outbox.finish(lastLine);
        outbox.awaitWriter(GOODBYE_MILLIS);
        Closing.drainAndClose(socket, GOODBYE_MILLIS);
    }
}
