package sockets.edition;

import java.util.List;

/**
 * A problem the instructor must fix (a malformed solution region, a stale variant, a folder
 * that is not empty): {@link Main} prints its message, one problem per line, and exits 1.
 */
public final class EditionException extends Exception {

    public EditionException(String message) {
        super(message, null, false, false);
    }

    /** Several problems found in one pass, so the author fixes them all at once. */
    public static EditionException of(List<String> problems) {
        return new EditionException(String.join("\n", problems));
    }
}
