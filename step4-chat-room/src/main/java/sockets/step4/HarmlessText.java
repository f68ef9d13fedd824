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
        // tag::solution-4.2[]
        // tag::clean[]
        StringBuilder harmless = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean c0 = c < 0x20 && c != '\t';
            boolean delOrC1 = c >= 0x7F && c <= 0x9F;
            if (c0 || delOrC1) {
                if (harmless == null) {
                    // The first control character: copy what came before it, then go on replacing.
                    harmless = new StringBuilder(text.length()).append(text, 0, i);
                }
                harmless.append(REPLACEMENT);
            } else if (harmless != null) {
                harmless.append(c);
            }
        }
        // Most lines have nothing to replace: then the text itself is returned, no copy made.
        return harmless == null ? text : harmless.toString();
        // end::clean[]
        // end::solution-4.2[]
    }
}
