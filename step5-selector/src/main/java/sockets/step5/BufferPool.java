package sockets.step5;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * Buffers of one size, lent to connections while they have bytes waiting and taken back once
 * they are empty: an idle connection holds none, so 19,000 of them cost no buffer memory, and a
 * busy one does not allocate (and zero) a fresh buffer for every line. Used by the loop's thread
 * only.
 */
final class BufferPool {

    /** Free buffers kept for later; more are left to the garbage collector. */
    private static final int KEEP = 64;

    private final int capacity;
    private final boolean direct;
    private final ArrayDeque<ByteBuffer> free = new ArrayDeque<>();

    /** Buffers on the heap: their bytes can be scanned as an array (the input, where lines are found). */
    BufferPool(int capacity) {
        this(capacity, false);
    }

    /**
     * {@code direct}: buffers outside the heap, for bytes that are only copied in and written out
     * (the outboxes): a channel writes a direct buffer as it is, while it first copies a heap
     * buffer's bytes into a direct buffer of its own.
     */
    BufferPool(int capacity, boolean direct) {
        this.capacity = capacity;
        this.direct = direct;
    }

    int capacity() {
        return capacity;
    }

    /** An empty buffer in write mode. */
    ByteBuffer take() {
        ByteBuffer buffer = free.pollFirst();
        if (buffer != null) {
            return buffer;
        }
        return direct ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
    }

    /** Free buffers kept now. */
    int free() {
        return free.size();
    }

    /** Takes {@code buffer} back; the caller must not use it any more. */
    void give(ByteBuffer buffer) {
        if (free.size() < KEEP) {
            free.addFirst(buffer.clear()); // the most recently used first: its pages are warm
        }
    }
}
