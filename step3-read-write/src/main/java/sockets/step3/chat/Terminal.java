package sockets.step3.chat;

/** Makes a peer's text safe to print: bytes from the network must not drive our terminal. */
public final class Terminal {

    private Terminal() {}

    /**
     * {@code text} with every control character except TAB (ESC, the other C0 codes, DEL, C1)
     * replaced by {@code '?'}: an ESC sequence from a peer could otherwise clear or rewrite the screen.
     */
    public static String printable(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean control = Character.isISOControl(c) && c != '\t';
            clean.appendCodePoint(control ? '?' : c);
        });
        return clean.toString();
    }
}
