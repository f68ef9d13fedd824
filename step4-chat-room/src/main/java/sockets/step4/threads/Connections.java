package sockets.step4.threads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The open connections of a server, at most {@code max}: shared by every client's thread, so one
 * lock guards them all. Each method is one atomic step - "is there room? then add" must not let
 * another thread in between, which a concurrent collection alone does not promise.
 */
public final class Connections<C> {

    private final int max;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled whenever one is removed: {@link #awaitEmpty} waits on it. */
    private final Condition removed = lock.newCondition();
    private final List<C> open = new ArrayList<>();
    private boolean closed;

    public Connections(int max) {
        this.max = max;
    }

    /** Adds {@code connection} if fewer than {@code max} are open and {@link #close} was not called. */
    public boolean tryAdd(C connection) {
        // tag::solution-4.2[]
        // tag::try-add[]
        lock.lock();
        try {
            // One lock around check and add: nobody slips in between.
            if (closed || open.size() >= max) {
                return false;
            }
            open.add(connection);
            return true;
        } finally {
            lock.unlock();
        }
        // end::try-add[]
        // end::solution-4.2[]
    }

    /** Removes {@code connection} (once it is closed and done with). */
    public void remove(C connection) {
        // tag::solution-4.2[]
        lock.lock();
        try {
            open.remove(connection);
            removed.signalAll();
        } finally {
            lock.unlock();
        }
        // end::solution-4.2[]
    }

    /** From now on {@link #tryAdd} refuses everyone; returns the connections open now. */
    public List<C> close() {
        // tag::solution-4.2[]
        lock.lock();
        try {
            closed = true;
            return List.copyOf(open);
        } finally {
            lock.unlock();
        }
        // end::solution-4.2[]
    }

    /** Waits until every connection is removed, {@code millis} at most; true if none is left. */
    public boolean awaitEmpty(long millis) throws InterruptedException {
        // tag::solution-4.2[]
        lock.lock();
        try {
            long left = TimeUnit.MILLISECONDS.toNanos(millis);
            while (!open.isEmpty()) {
                if (left <= 0) {
                    return false; // The deadline passed first.
                }
                // Lets go of the lock while it waits; remove() wakes it up.
                left = removed.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
        // end::solution-4.2[]
    }

    /** How many are open now. */
    public int count() {
        lock.lock();
        try {
            return open.size();
        } finally {
            lock.unlock();
        }
    }

    /** A copy of the connections open now. */
    public List<C> snapshot() {
        lock.lock();
        try {
            return new ArrayList<>(open);
        } finally {
            lock.unlock();
        }
    }
}
