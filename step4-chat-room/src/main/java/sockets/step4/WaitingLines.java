package sockets.step4;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines waiting for one client, in order, and what they cost the server: {@link #cost}. The
 * queue of an {@link Outbox}, which bounds it; used under the outbox's lock only.
 */
final class WaitingLines {

    /** What a line costs beyond its characters: the string, the array behind it, its place in the queue. */
    private static final int LINE_OVERHEAD_BYTES = 64;

    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private long bytes;

    /** What {@code line} costs while it waits, on the safe side: 64 bytes, and 2 a character (a string takes 1 or 2). */
    static long cost(String line) {
        return LINE_OVERHEAD_BYTES + 2L * line.length();
    }

    void add(String line) {
        lines.addLast(line);
        bytes += cost(line);
    }

    /** Every line waiting, in order; none waits afterwards. */
    List<String> takeAll() {
        List<String> all = new ArrayList<>(lines);
        clear();
        return all;
    }

    void clear() {
        lines.clear();
        bytes = 0;
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    /** What the lines waiting cost now, counted as {@link #cost}. */
    long bytes() {
        return bytes;
    }
}
