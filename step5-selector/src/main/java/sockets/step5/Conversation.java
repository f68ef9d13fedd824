package sockets.step5;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import sockets.step4.ChatCommand;
import sockets.step4.HarmlessText;
import sockets.step4.Lobby;

/**
 * What a client's line means - step 4's protocol, answered with the same lines as step 4's
 * {@code Session}: a blank line is ignored, a {@code /command} is obeyed, any other line goes to
 * the partner as {@code <NAME> TEXT}. The one difference is speed: a line of plain printable
 * ASCII is already valid UTF-8 and harmless, so its bytes are relayed as they came, never decoded.
 */
final class Conversation {

    static final String HELP = "* commands: /nick NAME (change your name), /who (who is here),"
            + " /help (this text), /quit (leave); any other line goes to your partner";
    static final String NOBODY_HERE = "! nobody is here yet - your message was not sent; wait for a partner";

    private final Lobby lobby;

    Conversation(Lobby lobby) {
        this.lobby = lobby;
    }

    /** Handles one line of {@code from} (its bytes, without LF), on the loop's thread. */
    void handle(Connection from, ByteBuffer line) {
        boolean plain = isPlainAscii(line);
        if (plain ? isBlankAscii(line) : decode(line).isBlank()) {
            return;
        }
        if (line.get(line.position()) != '/') {
            relay(from, line, plain);
        } else {
            command(from, decode(line));
        }
    }

    /** To the partner as {@code <NAME> TEXT}; alone, the sender is told nobody is here yet. */
    private void relay(Connection from, ByteBuffer text, boolean plain) {
        Connection to = from.partner();
        if (to == null) {
            from.reply(NOBODY_HERE);
            return;
        }
        if (plain) {
            to.sendAsIs(from.prefix(), text); // bytes in, the same bytes out
        } else {
            to.send("<" + from.member.name() + "> " + HarmlessText.clean(decode(text)));
        }
    }

    private void command(Connection from, String line) {
        ChatCommand command = ChatCommand.parse(line);
        switch (command.verb()) {
            case "/quit" -> from.leave("");
            case "/nick" -> from.reply(command.argument().isEmpty() ? "! usage: /nick NAME"
                    : lobby.rename(from.member, command.argument()));
            case "/who" -> from.reply(lobby.who(from.member));
            case "/help" -> from.reply(HELP);
            default -> from.reply("! unknown command " + HarmlessText.clean(command.verb()) + " - type /help");
        }
    }

    /** Only TAB and the printable ASCII characters (space to ~): nothing to decode, nothing to clean. */
    static boolean isPlainAscii(ByteBuffer line) {
        byte[] bytes = line.array(); // a heap buffer's own array: a plain loop, compiled to a fast scan
        int end = line.arrayOffset() + line.limit();
        for (int i = line.arrayOffset() + line.position(); i < end; i++) {
            byte b = bytes[i];
            if ((b < 0x20 && b != '\t') || b >= 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlankAscii(ByteBuffer line) {
        for (int i = line.position(); i < line.limit(); i++) {
            if (line.get(i) != ' ' && line.get(i) != '\t') {
                return false;
            }
        }
        return true;
    }

    /** UTF-8 to text, invalid bytes as U+FFFD - as step 3's {@code LineReader} decodes. */
    private static String decode(ByteBuffer line) {
        byte[] bytes = new byte[line.remaining()];
        line.get(line.position(), bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
