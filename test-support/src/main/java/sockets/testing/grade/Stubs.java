package sockets.testing.grade;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a test that failed because it ran into a student-edition stub (an exercise not written
 * yet) from one that failed on its own: the grade table then says "not started" in one line
 * instead of listing the same stub once per test.
 */
final class Stubs {

    /** What the grade listener records for a test stopped by a stub: this, then the stub's message. */
    static final String STOPPED = "stopped at the stub of ";
    /** What every stub throws (the student-edition tool's Stubber): "Exercise 2.3: The accept loop". */
    static final Pattern STUB_MESSAGE = Pattern.compile("Exercise (\\d+\\.\\d+): .*", Pattern.DOTALL);
    private static final Pattern RECORDED = Pattern.compile(Pattern.quote(STOPPED) + "Exercise (\\d+\\.\\d+):.*");

    private Stubs() {}

    /**
     * A stub's message quoted inside another message: a test that ran a main reports what it
     * threw ("it threw java.lang.UnsupportedOperationException: Exercise 2.1: ...") or printed
     * ("error: Exercise 4.7: ...", a tour's "not done yet - Exercise 1.1: ...").
     */
    private static final Pattern QUOTED = Pattern.compile(
            "(?:UnsupportedOperationException: |error: |not done yet - )(Exercise \\d+\\.\\d+: [^\\n']*)");

    /** The stub's message in {@code failure} or its causes, or null when no stub caused it. */
    static String stubMessage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnsupportedOperationException stub && stub.getMessage() != null
                    && STUB_MESSAGE.matcher(stub.getMessage()).matches()) {
                return stub.getMessage().strip().lines().findFirst().orElse("");
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Matcher quoted = QUOTED.matcher(String.valueOf(cause.getMessage()));
            if (quoted.find()) {
                return quoted.group(1).strip();
            }
        }
        return null;
    }

    /** The exercise whose stub stopped a test, from the message the listener recorded. */
    static Optional<String> exerciseOf(String recordedMessage) {
        Matcher m = RECORDED.matcher(recordedMessage);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
