package sockets.step4;

/**
 * The step's tour for {@code ./mvnw -q -pl step4-chat-room exec:java}: the chat's {@code demo}.
 * With arguments ({@code -Dexec.args="server --port 0"}) it runs that chat command instead.
 */
public final class Tour {

    private Tour() {}

    public static void main(String... args) {
        if (args.length > 0) {
            ChatMain.main(args);
            return;
        }
        // A tour never calls System.exit: a failed demo is an exception, so a test can see it.
        int code = ChatMain.run(System.in, System.out, System.err, "demo");
        if (code != 0) {
            throw new IllegalStateException("the demo failed (exit code " + code + ")");
        }
    }
}
