package sockets.step5;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;

/**
 * The bytes waiting for one client, and how they leave: a non-blocking write takes what the
 * socket has room for - maybe all, maybe some, maybe nothing - and the rest waits for the next
 * try. Bounded: messages are taken while less than {@link #MAX_BYTES} wait (the sender is read
 * no more beyond that), notices up to {@link #NOTICE_ROOM_BYTES} more. Holds a buffer from its
 * pool only while bytes wait.
 */
final class Outbox {

    /** Messages are refused beyond this; it is also when the partner stops being read. */
    static final int MAX_BYTES = 64 * 1024;
    /** Notices (which never wait) may use this much more; a client even further behind is dropped. */
    static final int NOTICE_ROOM_BYTES = 16 * 1024;

    private final BufferPool pool;
    /** The waiting bytes, in write mode (they are 0 to position); null while none wait. */
    private ByteBuffer bytes;
    /** When bytes last left (or began to wait): a client that takes none for the stall time is dropped. */
    private long progressNanos;

    Outbox(BufferPool pool) {
        this.pool = pool;
    }

    /** The capacity its pool's buffers need: everything that may wait, and one more longest line. */
    static int capacityFor(int longestLineBytes) {
        return MAX_BYTES + NOTICE_ROOM_BYTES + longestLineBytes;
    }

    /** Bytes waiting now. */
    int waiting() {
        return bytes == null ? 0 : bytes.position();
    }

    /** Full: no more messages now - whoever sends them is read no more until this one drains. */
    boolean isFull() {
        return waiting() >= MAX_BYTES;
    }

    /** Nanoseconds since bytes last left, while some wait; 0 while none wait. */
    long stalledNanos(long now) {
        return bytes == null ? 0 : now - progressNanos;
    }

    /** Room for {@code length} more bytes of a notice (false: the client is hopelessly far behind). */
    boolean hasNoticeRoom(int length) {
        return waiting() + length <= MAX_BYTES + NOTICE_ROOM_BYTES;
    }

    /** Room for {@code length} more bytes in the buffer itself. */
    boolean fits(int length) {
        return length <= pool.capacity() - waiting();
    }

    /** Queues {@code notice} and a LF, if there is notice room; false if not (nothing queued). */
    boolean putNotice(String notice) {
        byte[] bytes = (notice + "\n").getBytes(StandardCharsets.UTF_8);
        if (!hasNoticeRoom(bytes.length)) {
            return false;
        }
        put(bytes);
        return true;
    }

    /** Queues {@code line} and a LF, if it fits at all; false if not (nothing queued). */
    boolean putLine(String line) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        if (!fits(bytes.length)) {
            return false;
        }
        put(bytes);
        return true;
    }

    /** Queues {@code prefix}, {@code text} (read mode) and a LF, if they fit; false if not (nothing queued). */
    boolean putLine(byte[] prefix, ByteBuffer text) {
        if (!fits(prefix.length + text.remaining() + 1)) {
            return false;
        }
        put(prefix);
        put(text);
        put((byte) '\n');
        return true;
    }

    /** Appends {@code part} (read mode: position to limit; a heap buffer); the caller checked {@link #fits}. */
    void put(ByteBuffer part) {
        ByteBuffer to = buffer();
        int length = part.remaining();
        // Array to array: the cheapest copy there is, for the busiest line of the server.
        System.arraycopy(part.array(), part.arrayOffset() + part.position(), to.array(), to.arrayOffset() + to.position(), length);
        to.position(to.position() + length);
        part.position(part.limit());
    }

    void put(byte[] part) {
        buffer().put(part);
    }

    void put(byte b) {
        buffer().put(b);
    }

    /**
     * Writes what {@code channel} takes now, without waiting; what it does not take stays, in
     * order, for the next call. True when nothing is left waiting.
     */
    boolean writeTo(WritableByteChannel channel) throws IOException {
        // tag::solution-5.1[]
        // tag::write-to[]
        if (bytes == null) {
            return true;
        }
        bytes.flip(); // read mode: the waiting bytes are position to limit
        int written = channel.write(bytes); // all, some, or none: the socket's room decides
        bytes.compact(); // what is left moves to the front; write mode again
        if (written > 0) {
            progressNanos = System.nanoTime();
        }
        if (bytes.position() > 0) {
            return false; // the rest waits for the socket to make room
        }
        pool.give(bytes); // all sent: an idle client holds no buffer
        bytes = null;
        return true;
        // end::write-to[]
        // end::solution-5.1[]
    }

    /** Forgets what waits (the client is gone) and gives the buffer back. */
    void discard() {
        if (bytes != null) {
            pool.give(bytes);
            bytes = null;
        }
    }

    private ByteBuffer buffer() {
        if (bytes == null) {
            bytes = pool.take();
            progressNanos = System.nanoTime(); // the stall clock starts when bytes begin to wait
        }
        return bytes;
    }
}
