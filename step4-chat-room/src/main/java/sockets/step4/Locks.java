package sockets.step4;

import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;

/**
 * One short step under a lock - lock, do it, unlock, also when it throws - for the one-line reads
 * and changes of state that other threads change too ({@link Lobby}, {@link Outbox}). A step that
 * waits, or decides in several lines, writes its {@code lock()}, {@code try} and {@code finally}
 * out where the reader sees them.
 */
final class Locks {

    private Locks() {}

    static <T> T locked(Lock lock, Supplier<T> step) {
        lock.lock();
        try {
            return step.get();
        } finally {
            lock.unlock();
        }
    }
}
