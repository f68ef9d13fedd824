package sockets.step4;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import sockets.step1.tour.TourScript;
import sockets.step4.threads.ManyClientsTour;

/**
 * The step's tour ({@code ./mvnw -q compile exec:java -Dstep=4}): phases 1 to 5 show many clients
 * at once (a thread per client, what threads cost, shared state), phase 6 is the chat's
 * {@code demo}. With arguments ({@code -Dexec.args="server --port 0"}) it runs that chat command.
 */
public final class Tour {

    /** A stub that ended one of the chat's virtual threads (they belong to no phase's thread group). */
    private static final AtomicReference<UnsupportedOperationException> stubOnVirtualThread = new AtomicReference<>();

    private Tour() {}

    public static void main(String... args) {
        if (args.length > 0) {
            ChatMain.main(args);
            return;
        }
        PrintStream out = System.out;
        TourScript tour = TourScript.begin("Step 4 - many clients at once, then the one-to-one chat room (loopback only)");
        tour.phase(1, "One thread serves one client at a time (step 3's EchoServer)", () -> ManyClientsTour.oneAtATime(out));
        tour.phase(2, "A thread per client (ThreadPerClient, exercise 4.1)", () -> ManyClientsTour.threadPerClient(out));
        tour.phase(3, "2,000 idle clients, a platform thread each (measured in a JVM of their own)",
                () -> ManyClientsTour.idleClients(out, false));
        tour.phase(4, "2,000 idle clients, a virtual thread each (the same)", () -> ManyClientsTour.idleClients(out, true));
        tour.phase(5, "Shared state: four threads add 100,000 each to one list", () -> ManyClientsTour.sharedState(out));
        tour.phase(6, "The chat room: a server, alice and bob (the same as: chat demo)", () -> chatDemo(out));
        tour.end("Now try it yourself: chat server, then chat client in two terminals (section 5 of the lesson).");
    }

    /** The demo, indented under its phase; a stub one of the chat's threads ran into is the phase's. */
    private static void chatDemo(PrintStream out) throws Exception {
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (TourStub.of(e) != null) {
                stubOnVirtualThread.compareAndSet(null, TourStub.of(e));
            } else if (before != null) {
                before.uncaughtException(thread, e);
            } else {
                e.printStackTrace();
            }
        });
        try {
            Demo.run(new PrintStream(indented(out), true, StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw stubOnVirtualThread.get() != null ? stubOnVirtualThread.get() : e;
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }

    /** {@code out}, with three spaces before each line: the demo's lines under the phase's title. */
    private static OutputStream indented(PrintStream out) {
        return new OutputStream() {
            private boolean lineStart = true;

            @Override
            public void write(int b) {
                if (lineStart) {
                    out.print("   ");
                }
                out.write(b);
                lineStart = b == '\n';
            }

            @Override
            public void flush() {
                out.flush();
            }
        };
    }

    /** Recognises a student-edition stub: {@code UnsupportedOperationException("Exercise N.k: ...")}. */
    private static final class TourStub {
        static UnsupportedOperationException of(Throwable e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof UnsupportedOperationException stub && stub.getMessage() != null
                        && stub.getMessage().matches("(?s)Exercise \\d+\\.\\d+: .*")) {
                    return stub;
                }
            }
            return null;
        }
    }
}
