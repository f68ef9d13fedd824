package sockets.step4;

import java.io.IOException;
import java.io.PrintStream;
import sockets.step3.framing.LineTooLongException;

/**
 * One client's connection on the server, run on its own virtual thread: reads the client's
 * lines, obeys commands, relays messages through the {@link Lobby}, and on the way out tells
 * the partner - after every line this client sent, since this thread queued those first. The
 * messages of a burst are queued, then sent with one write when all that arrived is read.
 */
final class Session implements Runnable {

    static final String HELP = "* commands: /nick NAME (change your name), /who (who is here),"
            + " /help (this text), /quit (leave); any other line goes to your partner";
    /** How long a leaving client gets to read its last lines before we close anyway. */
    private static final long GOODBYE_MILLIS = 2_000;

    private final SimpleSocket socket;
    private final Lobby lobby;
    private final Member member;
    private final PrintStream log;
    /** The partner's outbox we queued messages to and have not sent yet, or null. */
    private Outbox unsent;

    private final int idleTimeoutMillis;

    Session(SimpleSocket socket, Lobby lobby, Member member, PrintStream log, int idleTimeoutMillis) {
        this.idleTimeoutMillis = idleTimeoutMillis;
        this.socket = socket;
        this.lobby = lobby;
        this.member = member;
        this.log = log;
    }

    @Override
    public void run() {
        String why = "";
        // No hand-off to another thread: this one writes the burst it relayed before it reads on.
        socket.beforeWaitingForInput(this::sendUnsent);
        try {
            socket.idleTimeout(idleTimeoutMillis);
            why = converse();
        } catch (IOException e) {
            // Reset, silent too long, or closed under us (shutdown, or we stopped reading).
            if (member.outbox.dropped()) {
                why = " (was not reading, disconnected)";
            } else if (socket.idleTimedOut()) {
                why = " (silent too long, disconnected)";
            } else {
                why = member.outbox.finishing() ? " (server shutting down)" : " (connection lost)";
            }
        } finally {
            lobby.leave(member, why);
            log.println("- " + member.name + " left" + why);
            member.tell("* bye");
            member.outbox.finish(GOODBYE_MILLIS);
            socket.close();
        }
    }

    /** Reads and handles lines until the client quits or closes its side; returns why it left. */
    private String converse() throws IOException {
        // tag::solution-4.4[]
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
        // end::solution-4.4[]
    }

    /** Queues a message for the partner (or an error for us, if alone). */
    private void relay(String line) {
        sendBeforeReading(lobby.relay(member, line));
    }

    /**
     * Answers this client. Not {@link Member#tell}: a reply waits while the client's outbox is
     * full (TCP then slows a client that asks faster than it reads) where a notice never waits and
     * drops a client that far behind - one that asks and reads must never be dropped.
     */
    private void reply(String line) {
        if (member.outbox.queue(line)) {
            sendBeforeReading(member.outbox);
        }
    }

    /** Marks {@code to} to be flushed before the next wait for input; one outbox switched from is flushed now. */
    private void sendBeforeReading(Outbox to) {
        if (unsent != null && unsent != to) {
            unsent.flush();
        }
        unsent = to;
    }

    /** Sends what this session queued for its partner (called before the socket waits for input). */
    private void sendUnsent() {
        if (unsent != null) {
            unsent.flush();
        }
    }

    /** Obeys one command line; false for {@code /quit}. */
    private boolean command(String line) {
        ChatCommand command = ChatCommand.parse(line);
        String argument = command.argument();
        switch (command.verb()) {
            case "/quit" -> {
                return false;
            }
            case "/nick" -> {
                if (argument.isEmpty()) {
                    reply("! usage: /nick NAME");
                } else {
                    lobby.rename(member, argument);
                }
            }
            case "/who" -> reply(lobby.who(member));
            case "/help" -> reply(HELP);
            default -> reply("! unknown command " + HarmlessText.clean(command.verb()) + " - type /help");
        }
        return true;
    }
}
