package sockets.step1.tour;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * The shape every step's tour shares: a heading, numbered phases with their titles, lines said
 * in the phase, a closing line. A phase that runs into an exercise's stub prints
 * {@code not done yet - Exercise N.k: ...} and the tour goes on, so a student sees every phase
 * from the first day; any other failure is one line, never a stack trace. Prints to
 * {@code System.out} at the moment it prints, so a test that captures it sees everything.
 */
public final class TourScript {

    /** What a student-edition stub throws: {@code UnsupportedOperationException("Exercise 2.3: ...")}. */
    private static final Pattern STUB = Pattern.compile("Exercise \\d+\\.\\d+: .*", Pattern.DOTALL);

    /** A phase's body: the code the phase shows; it may throw. */
    @FunctionalInterface
    public interface Phase {
        void run() throws Exception;
    }

    /** The phases that ran into a stub, by number, with the stub's message ("Exercise 2.1: Bind and listen"). */
    private final Map<Integer, String> notDone = new LinkedHashMap<>();
    /** The phases that failed otherwise. */
    private final Set<Integer> failed = new TreeSet<>();

    private TourScript() {}

    /** Prints the tour's heading line and starts the tour. */
    public static TourScript begin(String heading) {
        System.out.println(heading);
        return new TourScript();
    }

    /**
     * Prints a blank line and {@code "N. title"}, then runs the phase; a failure ends only this
     * phase. The phase runs on a thread of its own, in a thread group that notices a stub hit on
     * any thread the phase starts (a server's, say): that counts as the phase's.
     */
    public void phase(int number, String title, Phase body) {
        System.out.println();
        System.out.println(number + ". " + title);
        PhaseThreads threads = new PhaseThreads("tour-phase-" + number);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread runner = Thread.ofPlatform().group(threads).name(threads.getName()).start(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        try {
            runner.join();
        } catch (InterruptedException e) {
            runner.interrupt();
            Thread.currentThread().interrupt(); // the caller decides what an interrupt means
            failure.compareAndSet(null, e);
        }
        String stub = failure.get() == null ? null : stubMessage(failure.get());
        if (stub == null) {
            stub = threads.stub;
        }
        if (stub != null) {
            // The student edition stubs each exercise: name it, then go on with the tour.
            notDone.put(number, stub);
            say("not done yet - " + stub);
        } else if (failure.get() != null) {
            // One line instead of a stack trace; the next phases may still work.
            failed.add(number);
            say("failed - " + failure.get());
        }
    }

    /**
     * For a phase that builds on what an earlier one made (its server, say): call it first in the
     * body. When phase {@code earlier} did not finish, this phase stops too, with the same reason.
     */
    public void needs(int earlier) {
        if (notDone.containsKey(earlier)) {
            throw new UnsupportedOperationException(notDone.get(earlier) + " (phase " + earlier + ")");
        }
        if (failed.contains(earlier)) {
            throw new EarlierPhaseFailed(earlier);
        }
    }

    /** Prints a blank line and the closing line; in the student edition, then, what is left to do. */
    public void end(String closing) {
        System.out.println();
        System.out.println(closing);
        if (!notDone.isEmpty()) {
            // In the exercises' order: 3.9 before 3.10.
            Set<String> exercises = new TreeSet<>(Comparator.comparing((String id) -> Integer.parseInt(id.split("\\.")[0]))
                    .thenComparing(id -> Integer.parseInt(id.split("\\.")[1])));
            notDone.values().forEach(stub -> exercises.add(stub.substring("Exercise ".length(), stub.indexOf(':'))));
            System.out.println("Not done yet: exercise" + (exercises.size() == 1 ? " " : "s ")
                    + String.join(", ", exercises) + " - write " + (exercises.size() == 1 ? "it" : "them")
                    + " (look for TODO Exercise) and run the tour again.");
        }
    }

    /** Prints one line of the phase, indented under its title; with arguments, {@code text} is a format. */
    public static void say(String text, Object... args) {
        System.out.println("   " + (args.length == 0 ? text : String.format(text, args)));
    }

    /** The stub's message when {@code failure}, or what caused it, is a student-edition stub; else null. */
    static String stubMessage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnsupportedOperationException stub && stub.getMessage() != null
                    && STUB.matcher(stub.getMessage()).matches()) {
                return stub.getMessage().lines().findFirst().orElse("");
            }
        }
        return null;
    }

    /**
     * The threads of one phase. A thread that ends by an uncaught stub is remembered, without its
     * stack trace (the phase says "not done yet"); any other uncaught exception goes where it
     * went before (Maven's exec:java, say, fails the run for it).
     */
    private static final class PhaseThreads extends ThreadGroup {
        private volatile String stub;

        PhaseThreads(String name) {
            super(name);
        }

        @Override
        public void uncaughtException(Thread thread, Throwable e) {
            String message = stubMessage(e);
            if (message == null) {
                super.uncaughtException(thread, e);
            } else if (stub == null) {
                stub = message;
            }
        }
    }

    /** A phase that could not run because one it builds on failed; printed as its message alone. */
    private static final class EarlierPhaseFailed extends RuntimeException {
        EarlierPhaseFailed(int earlier) {
            super("phase " + earlier + " failed, and this one builds on it", null, false, false);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
