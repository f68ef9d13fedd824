package sockets.step4;

import java.util.Locale;

/** The rules for a chat name: 1-20 of {@code A-Z a-z 0-9 _ -}, and never {@code server}, in any case. */
public final class Names {

    public static final int MAX_LENGTH = 20;

    private Names() {}

    /** Why {@code name} cannot be used, or {@code null} when it is a valid name (uniqueness aside). */
    public static String problemWith(String name) {
        // tag::solution-4.4[]
        // tag::name-rules[]
        if (name.isEmpty() || name.length() > MAX_LENGTH) {
            return "a name has 1 to " + MAX_LENGTH + " characters";
        }
        if (!name.matches("[A-Za-z0-9_-]+")) {
            return "a name uses only letters A-Z a-z, digits, _ and -";
        }
        if (key(name).equals("server")) {
            return "the name server is reserved for the operator";
        }
        return null;
        // end::name-rules[]
        // end::solution-4.4[]
    }

    /** The form two names are compared in: unique "ignoring case" means equal keys clash. */
    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
