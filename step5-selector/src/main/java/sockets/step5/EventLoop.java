package sockets.step5;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * One thread for every connection: it waits in {@link Selector#select} until some channels are
 * ready, hands each ready key to its {@link Handler}, then runs the tasks other threads submitted
 * and the timers that are due. Nothing it runs may block: one wait would stop every client.
 */
final class EventLoop {

    /** What a key's attachment does when its channel is ready. */
    interface Handler {
        /** Its channel is ready for what {@code key.readyOps()} says; never blocks. */
        void ready(SelectionKey key) throws IOException;

        /** {@link #ready} failed (a reset, say): close this channel; the loop goes on with the others. */
        void failed(IOException e);
    }

    private record Timer(long dueNanos, long order, Runnable task) {}

    private final Selector selector;
    private final Runnable afterEvents;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) -> a.dueNanos != b.dueNanos
            ? Long.compare(a.dueNanos, b.dueNanos) : Long.compare(a.order, b.order));
    private long timersMade;
    private volatile boolean stopping;
    private volatile long turns;

    /** {@code afterEvents}: what to do once a turn's events are handled (the chat writes what they queued). */
    EventLoop(Runnable afterEvents) throws IOException {
        this.selector = Selector.open();
        this.afterEvents = afterEvents;
    }

    /** Runs the loop on the calling thread until {@link #stop()}. */
    void run() throws IOException {
        // tag::solution-5.2[]
        // tag::loop[]
        while (!stopping) { // exit: stop() was called
            selector.select(millisToNextTimer()); // sleeps until ready, a timer, or wakeup()
            turns++;
            Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
            while (ready.hasNext()) {
                SelectionKey key = ready.next();
                ready.remove(); // else it stays selected, and comes back next turn with nothing to do
                dispatch(key);
            }
            runTasks();
            runDueTimers();
            afterEvents.run();
        }
        // end::loop[]
        // end::solution-5.2[]
    }

    /** Hands {@code key} to its handler; a failure closes that channel only. */
    private void dispatch(SelectionKey key) {
        if (!key.isValid()) {
            return; // closed earlier in this turn
        }
        Handler handler = (Handler) key.attachment();
        try {
            handler.ready(key);
        } catch (IOException e) {
            handler.failed(e);
        }
    }

    /** Registers {@code channel} (non-blocking) for {@code ops}, handled by {@code handler}. */
    SelectionKey register(SelectableChannel channel, int ops, Handler handler) throws ClosedChannelException {
        return channel.register(selector, ops, handler);
    }

    /**
     * Runs {@code task} on the loop's thread, soon: the way for other threads (the console, a
     * signal) to act on connections, which only the loop's thread may touch.
     */
    void submit(Runnable task) {
        // tag::solution-5.5[]
        // tag::submit[]
        tasks.add(task);
        selector.wakeup(); // the loop may be asleep in select(): wake it to run the task now
        // end::submit[]
        // end::solution-5.5[]
    }

    /** Runs {@code task} on the loop's thread in {@code millis}; call on the loop's thread. */
    void schedule(long millis, Runnable task) {
        timers.add(new Timer(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis), timersMade++, task));
    }

    /** Ends the loop after its current turn; from any thread. */
    void stop() {
        stopping = true;
        selector.wakeup();
    }

    /** Turns of the loop so far: an idle server makes none; a spinning one, thousands a second. */
    long turns() {
        return turns;
    }

    /** The keys of every channel registered, for a shutdown; call on the loop's thread. */
    java.util.Set<SelectionKey> keys() {
        return selector.keys();
    }

    /** Closes the selector (after the loop ended) and with it every registration. */
    void close() {
        try {
            selector.close();
        } catch (IOException ignored) {
            // Nothing left to free.
        }
    }

    /** Applies pending closes and cancellations now: a closed listener then frees its port at once. */
    void selectNow() throws IOException {
        selector.selectNow();
        selector.selectedKeys().clear(); // handled next turn as they come again
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
        }
    }

    private void runDueTimers() {
        long now = System.nanoTime();
        while (!timers.isEmpty() && timers.peek().dueNanos - now <= 0) {
            timers.poll().task.run();
        }
    }

    /** How long select() may sleep: until the next timer, or (0) until something happens. */
    private long millisToNextTimer() {
        if (timers.isEmpty()) {
            return 0;
        }
        long nanos = timers.peek().dueNanos - System.nanoTime();
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos) + 1);
    }
}
