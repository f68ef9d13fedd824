package sockets.step4;

/**
 * Makes text from a peer safe to print on a terminal: control characters (ESC, the other C0
 * characters except TAB, DEL and the C1 range) become U+FFFD, so nobody can move another user's
 * cursor, clear their screen or change their colours.
 */
public final class HarmlessText {

    /** What a control character is shown as: the same sign as for invalid UTF-8. */
    public static final char REPLACEMENT = '\uFFFD';

    private HarmlessText() {}

    /** {@code text} with every control character except TAB replaced by {@link #REPLACEMENT}. */
    public static String clean(String text) {
        // tag::solution-4.4[]
        // tag::clean[]
        // A char[] is checked faster than charAt(), line after line.
        char[] chars = text.toCharArray();
        boolean replaced = false;
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            boolean c0 = c < 0x20 && c != '\t';
            boolean delOrC1 = c >= 0x7F && c <= 0x9F;
            if (c0 || delOrC1) {
                chars[i] = REPLACEMENT;
                replaced = true;
            }
        }
        // Most text has nothing to replace: then the original goes on.
        return replaced ? new String(chars) : text;
        // end::clean[]
        // end::solution-4.4[]
    }
}
