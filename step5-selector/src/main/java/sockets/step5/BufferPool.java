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
    private final ArrayDeque<ByteBuffer> free = new ArrayDeque<>();

    BufferPool(int capacity) {
        this.capacity = capacity;
    }

    int capacity() {
        return capacity;
    }

    /** An empty buffer in write mode; on the heap, so that its bytes can be scanned as an array. */
    ByteBuffer take() {
        ByteBuffer buffer = free.pollFirst();
        return buffer != null ? buffer : ByteBuffer.allocate(capacity);
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
