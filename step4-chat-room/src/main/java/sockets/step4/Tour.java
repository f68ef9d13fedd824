package sockets.step4;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicReference;
import sockets.step4.threads.ManyClientsTour;

/**
 * The step's tour for {@code ./mvnw -q -pl step4-chat-room exec:java}: part 1 shows many clients
 * at once (threads per client, their cost, shared state), part 2 is the chat's {@code demo}. With
 * arguments ({@code -Dexec.args="server --port 0"}) it runs that chat command instead.
 */
public final class Tour {

    /** A phase of the tour; it prints to {@code out} and may throw. */
    interface Phase {
        void run(PrintStream out) throws Exception;
    }

    /** The first exercise stub a thread of this run ran into (the student edition's). */
    private static final AtomicReference<UnsupportedOperationException> stubHit = new AtomicReference<>();
    private static final java.util.concurrent.atomic.AtomicBoolean watching = new java.util.concurrent.atomic.AtomicBoolean();

    private Tour() {}

    public static void main(String... args) {
        if (args.length > 0) {
            ChatMain.main(args);
            return;
        }
        PrintStream out = System.out;
        noticeStubsOnOtherThreads();
        out.println("Step 4 - many clients at once, then the one-to-one chat room (loopback only)");
        out.println();
        out.println("Part 1 - many clients at once");
        phase(out, "1. One thread serves one client at a time (step 3's EchoServer)", ManyClientsTour::oneAtATime);
        phase(out, "2. A thread per client (ThreadPerClient, exercise 4.1)", ManyClientsTour::threadPerClient);
        phase(out, "3. 2,000 idle clients, a platform thread each (measured in a JVM of their own)",
                o -> ManyClientsTour.idleClients(o, false));
        phase(out, "4. 2,000 idle clients, a virtual thread each (the same)", o -> ManyClientsTour.idleClients(o, true));
        phase(out, "5. Shared state: four threads add 100,000 each to one list", ManyClientsTour::sharedState);
        out.println();
        out.println("Part 2 - the chat room (the same as: chat demo)");
        phase(out, null, Demo::run);
    }

    /**
     * Prints {@code title} and runs the phase; what it prints shows only if it worked. A phase
     * that ran into an exercise's stub says "not done yet" and the tour goes on.
     */
    private static void phase(PrintStream out, String title, Phase body) {
        if (title != null) {
            out.println();
            out.println(title);
        }
        var printed = new java.io.ByteArrayOutputStream();
        Exception failed = null;
        stubHit.set(null);
        try {
            body.run(new PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        } catch (Exception e) {
            failed = e;
        }
        UnsupportedOperationException stub = stubHit.get() != null ? stubHit.get() : stubIn(failed);
        if (stub != null) {
            // The student edition stubs each exercise: name it, then go on with the tour.
            out.println("   not done yet - " + stub.getMessage());
        } else if (failed != null) {
            out.print(printed.toString(java.nio.charset.StandardCharsets.UTF_8));
            out.println("   failed - " + failed); // One line instead of a stack trace.
        } else {
            out.print(printed.toString(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** Servers run on threads of their own: remember a stub that ends one of them (once per JVM). */
    private static void noticeStubsOnOtherThreads() {
        if (!watching.compareAndSet(false, true)) {
            return;
        }
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            UnsupportedOperationException stub = stubIn(e);
            if (stub != null) {
                stubHit.compareAndSet(null, stub);
            }
            if (before != null) {
                before.uncaughtException(thread, e); // Whoever watched before still sees it.
            } else if (stub == null) {
                e.printStackTrace();
            }
        });
    }

    /** The exercise stub ({@code Exercise N.k: ...}) that caused {@code e}, or null. */
    private static UnsupportedOperationException stubIn(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnsupportedOperationException stub && stub.getMessage() != null
                    && stub.getMessage().matches("(?s)Exercise \\d+\\.\\d+: .*")) {
                return stub;
            }
        }
        return null;
    }
}
