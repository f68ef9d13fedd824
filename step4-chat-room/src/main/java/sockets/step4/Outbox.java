package sockets.step4;

import static sockets.step4.Locks.locked;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@link WaitingLines} of one client, and its writer: the one thread that writes to its socket
 * (it lives while lines wait). Bounded: a message waits while {@link #MAX_BYTES} wait - flow control -
 * and a client that takes nothing for the stall time is disconnected; notices never wait. A lock
 * and a condition, never a monitor: a waiting virtual thread lets go of its carrier.
 */
final class Outbox implements Mailbox {

    /** What may wait for one client, counted as {@link WaitingLines#cost}; notices have room beyond it. */
    static final int MAX_BYTES = 64 * 1024;
    static final int NOTICE_ROOM_BYTES = 16 * 1024;

    private final SimpleSocket socket;
    private final long stallNanos;
    private final Thread.Builder threads;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition roomMade = lock.newCondition();
    private final WaitingLines waiting = new WaitingLines();
    /** No more lines are taken: the writer sends what waits, half-closes and ends. */
    private boolean finishing;
    /** The client was disconnected: nothing more is sent; notReading: it read nothing, or fell behind. */
    private boolean dropped;
    private boolean notReading;
    /** The writer thread while one runs, else null. */
    private Thread writer;

    /** An outbox for {@code socket}; its writer threads come from {@code threads}. */
    Outbox(SimpleSocket socket, int stallMillis, Thread.Builder threads) {
        this.socket = socket;
        this.stallNanos = TimeUnit.MILLISECONDS.toNanos(stallMillis);
        this.threads = threads;
    }

    @Override
    public boolean send(String message) {
        // tag::solution-4.5[]
        // tag::send[]
        lock.lock();
        try {
            // tag::wait-for-room[]
            long left = stallNanos;
            // Full: wait for the writer to make room - but not forever.
            while (waiting.bytes() >= MAX_BYTES && !finishing && !dropped) {
                if (left <= 0) {
                    notReading = true; // Nothing went out for the stall time.
                    return drop();
                }
                left = roomMade.awaitNanos(left);
            }
            // end::wait-for-room[]
            if (finishing || dropped) {
                return false; // Leaving or gone: nobody to send to.
            }
            add(message);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false; // Asked to stop waiting: the line is not sent.
        } finally {
            lock.unlock();
        }
        // end::send[]
        // end::solution-4.5[]
    }

    @Override
    public void tell(String notice) {
        // tag::solution-4.5[]
        lock.lock();
        try {
            if (finishing || dropped) {
                return; // Leaving or gone: nobody to tell.
            } else if (waiting.bytes() >= MAX_BYTES + NOTICE_ROOM_BYTES) {
                notReading = true; // So far behind that even the notice room is full.
                drop();
            } else {
                add(notice);
            }
        } finally {
            lock.unlock();
        }
        // end::solution-4.5[]
    }

    /** The last line (unless null), then no more: the writer sends what waits, half-closes and ends. */
    void finish(String lastLine) {
        // tag::solution-4.5[]
        lock.lock();
        try {
            if (finishing || dropped) {
                return; // Finished once is enough.
            }
            if (lastLine != null) {
                add(lastLine);
            }
            finishing = true;
            roomMade.signalAll(); // Senders still waiting give up.
            if (writer == null) {
                writer = threads.start(this::writeAll); // Nothing waits: it just half-closes.
            }
        } finally {
            lock.unlock();
        }
        // end::solution-4.5[]
    }

    /** Waits, at most {@code millis}, for the writer to end (all sent, or the client gone). */
    void awaitWriter(long millis) {
        Thread last = locked(lock, () -> writer);
        try {
            if (last != null) {
                last.join(millis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // Asked to stop waiting: go on closing.
        }
    }

    /** True once the client was disconnected (it was not reading, or a write failed). */
    boolean dropped() {
        return locked(lock, () -> dropped);
    }

    /** True once the client was disconnected for not reading. */
    boolean notReading() {
        return locked(lock, () -> notReading);
    }

    /** Bytes waiting for this client now, counted as {@link WaitingLines#cost}: what it costs the server. */
    long waitingBytes() {
        return locked(lock, waiting::bytes);
    }

    /** The writer's thread: takes everything waiting, writes it in one go, again, until nothing waits. */
    private void writeAll() {
        // tag::solution-4.5[]
        // tag::write-all[]
        try {
            List<String> batch;
            while (!(batch = takeAll()).isEmpty()) { // exit: all sent, or the client dropped
                socket.sendLines(batch); // One write for the whole batch.
            }
        } catch (IOException e) {
            locked(lock, this::drop); // Reset or closed: nothing more can be sent.
        }
        // end::write-all[]
        // end::solution-4.5[]
    }

    /** Takes every line waiting, making room; none: the writer ends (half-closing if finished). */
    private List<String> takeAll() throws IOException {
        // tag::solution-4.5[]
        lock.lock();
        try {
            if (waiting.isEmpty() || dropped) {
                writer = null; // The next line starts a new writer.
                if (finishing && !dropped) {
                    socket.shutdownOutput(); // Our last line is out: the client reads end of stream.
                }
                return List.of();
            }
            List<String> batch = waiting.takeAll();
            roomMade.signalAll(); // Senders waiting for room go on.
            return batch;
        } finally {
            lock.unlock();
        }
        // end::solution-4.5[]
    }

    /** Queues a line and starts the writer if none runs; the caller holds the lock. */
    private void add(String line) {
        waiting.add(line);
        if (writer == null) {
            writer = threads.start(this::writeAll);
        }
    }

    /** Disconnects a client that cannot be written to, and wakes whoever waits; the caller holds the lock. */
    private boolean drop() {
        dropped = true;
        waiting.clear();
        socket.close(); // Wakes the writer if it is stuck in a write, and the client's reader.
        roomMade.signalAll();
        return false;
    }
}
