package sockets.testing;

import java.util.concurrent.Executor;

/**
 * Where tests run what must go on beside them (a server under test, a scripted peer): each task
 * on a daemon thread of its own. Not the common pool: on a 2-core machine it has one thread, so a
 * server left stuck by one failed test would hold up every later test's.
 */
public final class Background {

    /** Starts each task on a new daemon thread. */
    public static final Executor THREADS = task -> Thread.ofPlatform().daemon().name("test background").start(task);

    private Background() {}
}
