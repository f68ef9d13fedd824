package sockets.step4;

import java.io.IOException;
import java.util.ArrayDeque;

/**
 * The lines waiting to be sent to one client, written by that client's own writer thread, so a
 * slow reader only ever blocks its own writer. The queue holds at most {@code maxChars}
 * characters: a client that does not read fast enough overflows it and is disconnected.
 */
final class Outbox {

    private final SimpleSocket socket;
    private final int maxChars;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private int queuedChars;
    private boolean finishing;
    private boolean overflowed;
    private final Thread writer;

    Outbox(SimpleSocket socket, int maxChars, String name) {
        this.socket = socket;
        this.maxChars = maxChars;
        this.writer = Thread.ofVirtual().name("writer-" + name).start(this::writeLoop);
    }

    /**
     * Queues {@code line}; false (and the connection is closed) when it does not fit because the
     * client is not reading. Lines offered after {@link #finish()} are dropped.
     */
    synchronized boolean offer(String line) {
        // tag::solution-4.5[]
        if (finishing || overflowed) {
            return !overflowed;
        }
        if (queuedChars + line.length() > maxChars) {
            // Holding more would let one client that never reads eat the server's memory.
            overflowed = true;
            queue.clear();
            socket.close();
            return false;
        }
        queue.addLast(line);
        queuedChars += line.length();
        notifyAll();
        return true;
        // end::solution-4.5[]
    }

    /** True once {@link #finish} was called: the connection is ending on our side. */
    synchronized boolean finishing() {
        return finishing;
    }

    /** True once a line did not fit: the client was disconnected for not reading. */
    synchronized boolean overflowed() {
        return overflowed;
    }

    /** Sends what is queued, then closes the socket; waits at most {@code millis} for that. */
    void finish(long millis) {
        synchronized (this) {
            finishing = true;
            notifyAll();
        }
        try {
            if (!writer.join(java.time.Duration.ofMillis(millis))) {
                // The client stopped reading: give up on the rest.
                socket.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            socket.close();
        }
    }

    private synchronized String next() throws InterruptedException {
        while (queue.isEmpty() && !finishing && !overflowed) {
            wait();
        }
        if (queue.isEmpty() || overflowed) {
            return null;
        }
        String line = queue.removeFirst();
        queuedChars -= line.length();
        return line;
    }

    private void writeLoop() {
        try {
            String line;
            while ((line = next()) != null) {
                socket.sendLine(line);
            }
            // Queue drained after finish(), or overflowed: this connection is over.
        } catch (IOException | InterruptedException e) {
            // The client went away or was dropped: nothing more can be sent.
        } finally {
            socket.close();
        }
    }
}
