package sockets.step4;

/**
 * The step's tour for {@code ./mvnw -q -pl step4-chat-room exec:java}: the chat's {@code demo}.
 * With arguments ({@code -Dexec.args="server --port 0"}) it runs that chat command instead.
 */
public final class Tour {

    private Tour() {}

    public static void main(String... args) {
        ChatMain.main(args.length == 0 ? new String[] {"demo"} : args);
    }
}
