package sockets.step4;

import java.io.IOException;
import java.util.ArrayDeque;

/**
 * The lines waiting to be sent to one client, and the only way to write to its socket: whichever
 * thread finds nobody writing becomes the writer and sends everything queued, so one thread at a
 * time ever writes. The queue is bounded: a partner who sends faster than this client reads is
 * made to wait (TCP then slows it down), and a client whose writes make no progress for the stall
 * time (not one burst of up to 32 KB taken by its socket) is disconnected, so the memory held for
 * it stays fixed.
 */
final class Outbox {

    /** What one queued line costs beyond its characters: the String, its array, the queue slot. */
    static final int LINE_OVERHEAD_BYTES = 64;
    /** Room for notices beyond the limit, so the server never waits to tell a client something. */
    static final int NOTICE_ROOM_BYTES = 16 * 1024;

    private final SimpleSocket socket;
    private final int maxBytes;
    private ArrayDeque<String> queue = new ArrayDeque<>();
    /** The writer's spare queue: it swaps it for the full one, so a busy client's queue is not regrown every burst. */
    private ArrayDeque<String> spare = new ArrayDeque<>();
    /** Bytes held for this client: lines queued or being written, at two bytes a character. */
    private long heldBytes;
    private boolean writing;
    private boolean finishing;
    private boolean dropped;
    /** When the writer last finished a write (or the queue last went from empty to busy). */
    private volatile long lastProgressNanos = System.nanoTime();

    Outbox(SimpleSocket socket, int maxBytes) {
        this.socket = socket;
        this.maxBytes = maxBytes;
    }

    /**
     * For a session thread: queues a message without sending it yet ({@link #flush()} sends).
     * Waits while the queue is full - this is how a fast sender is slowed down to the speed its
     * partner reads. False when the client is gone (disconnected, or leaving).
     */
    boolean queue(String line) {
        // tag::solution-4.5[]
        while (true) {
            synchronized (this) {
                if (finishing || dropped) {
                    return false; // Nobody to send to any more.
                }
                if (heldBytes + cost(line) <= maxBytes || (queue.isEmpty() && !writing)) {
                    add(line);
                    return true; // Queued; the caller's flush() or the current writer sends it.
                }
                if (writing) {
                    try {
                        wait(); // Full: the writer (or the watchdog dropping this client) wakes us.
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false; // Asked to stop: the line is not sent.
                    }
                    continue; // Look again: room, or gone.
                }
            }
            flush(); // Full and nobody sending: send it ourselves to make room, then queue.
        }
        // end::solution-4.5[]
    }

    /**
     * Sends what is queued, in this thread, unless another thread is already sending (it sends
     * our lines too). Never throws: a write that fails drops this client, not the caller.
     */
    void flush() {
        synchronized (this) {
            if (writing || queue.isEmpty() || dropped) {
                return;
            }
            writing = true;
        }
        writeAll();
    }

    /**
     * For anyone, even under the {@link Lobby}'s lock: queues a notice and never waits. A client
     * so far behind that even the notice room is full is disconnected. Lines told after
     * {@link #finish} are dropped.
     */
    void tell(String line) {
        synchronized (this) {
            if (finishing || dropped) {
                return;
            }
            if (heldBytes + cost(line) > maxBytes + NOTICE_ROOM_BYTES) {
                drop();
                return;
            }
            add(line);
            if (writing) {
                return; // The thread writing now sends this line too.
            }
            writing = true;
        }
        // A short-lived writer: the caller may hold a lock, and a write can block.
        Thread.ofVirtual().name("writer").start(this::writeAll);
    }

    /** True once {@link #finish} was called: the connection is ending on our side. */
    synchronized boolean finishing() {
        return finishing;
    }

    /** True once the client was disconnected for not reading. */
    synchronized boolean dropped() {
        return dropped;
    }

    /** Bytes held for this client now (queued or being written). */
    synchronized long heldBytes() {
        return heldBytes;
    }

    /**
     * Called by the server's watchdog: disconnects the client if lines have waited for it and no
     * line went out for {@code stallNanos} - it is not reading. True if it was dropped now.
     */
    synchronized boolean dropIfStalled(long stallNanos) {
        // tag::solution-4.8[]
        boolean busy = writing || !queue.isEmpty();
        if (!busy || dropped || System.nanoTime() - lastProgressNanos < stallNanos) {
            return false;
        }
        drop();
        return true;
        // end::solution-4.8[]
    }

    /** Sends what is queued, then closes the socket; waits at most {@code millis} for that. */
    void finish(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        boolean startWriter;
        synchronized (this) {
            finishing = true;
            notifyAll(); // A sender waiting for room gives up: nothing more is taken.
            startWriter = !writing && !queue.isEmpty() && !dropped;
            writing |= startWriter;
        }
        if (startWriter) {
            Thread.ofVirtual().name("last-writer").start(this::writeAll);
        }
        synchronized (this) {
            long left;
            while ((writing || !queue.isEmpty()) && !dropped && (left = deadline - System.nanoTime()) > 0) {
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break; // Asked to stop waiting: close now.
                }
            }
        }
        // Sent, or the client stopped reading: either way this connection is over.
        socket.close();
    }

    private void add(String line) {
        if (queue.isEmpty() && !writing) {
            lastProgressNanos = System.nanoTime(); // The stall clock starts now, not when we were last busy.
        }
        queue.addLast(line);
        heldBytes += cost(line);
    }

    /** Writes batches until the queue is empty; the caller has set {@code writing}. */
    private void writeAll() {
        while (true) {
            ArrayDeque<String> batch;
            synchronized (this) {
                if (queue.isEmpty() || dropped) {
                    writing = false;
                    notifyAll();
                    return; // All sent (or nobody to send to): the next caller writes again.
                }
                batch = queue;
                queue = spare;
            }
            long sent = 0;
            try {
                // One write for the whole burst instead of one per line: far fewer system calls.
                socket.sendLines(batch, () -> lastProgressNanos = System.nanoTime());
                for (String line : batch) {
                    sent += cost(line);
                }
            } catch (IOException e) {
                synchronized (this) {
                    drop(); // Reset, or closed by the watchdog: nothing more can be sent.
                }
            }
            synchronized (this) {
                batch.clear();
                spare = batch; // Only the one writer touches the spare: no lock needed to reuse it.
                if (!dropped) {
                    heldBytes -= sent;
                }
                lastProgressNanos = System.nanoTime();
                notifyAll(); // Room again for a waiting sender, or the end for finish().
            }
        }
    }

    /** Disconnects a client that cannot be written to; whoever waits for it is woken. */
    private void drop() {
        dropped = true;
        queue.clear();
        heldBytes = 0;
        socket.close();
        notifyAll();
    }

    private static long cost(String line) {
        return LINE_OVERHEAD_BYTES + 2L * line.length();
    }
}
