package sockets.step3.tour;

/** How the tour prints bytes: printable ASCII as text, everything else as escapes or hex. */
final class Show {

    private Show() {}

    /** {@code "hello\nworld\n"} (in quotes), with non-ASCII bytes as {@code \xC3}. */
    static String bytes(byte[] bytes, int count) {
        StringBuilder text = new StringBuilder("\"");
        for (int i = 0; i < count; i++) {
            int b = bytes[i] & 0xff;
            if (b == '\n') {
                text.append("\\n");
            } else if (b >= 0x20 && b < 0x7f) {
                text.append((char) b);
            } else {
                text.append(String.format("\\x%02X", b));
            }
        }
        return text.append('"').toString();
    }
}
