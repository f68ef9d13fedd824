package sockets.step4;

import java.util.Locale;

/**
 * A command line as the server reads it: {@code /nick  Bob } is the verb {@code /nick} (lower
 * case) and the argument {@code Bob} (spaces around it dropped). Any text parses; unknown verbs
 * are the {@link Session}'s business.
 */
public record ChatCommand(String verb, String argument) {

    /** Splits {@code line} at its first run of spaces or tabs; never fails, whatever the text. */
    public static ChatCommand parse(String line) {
        // tag::solution-4.7[]
        String[] words = line.strip().split("\\s+", 2);
        String argument = words.length > 1 ? words[1].strip() : "";
        return new ChatCommand(words[0].toLowerCase(Locale.ROOT), argument);
        // end::solution-4.7[]
    }
}
