package sockets.step3;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Ends a connection so that nothing is lost: half-close ("no more from me"), read and drop what
 * the peer still sends until it closes its side too or a deadline passes, then close. A plain
 * {@code close()} with unread input makes the kernel reset the connection (RST), and the peer
 * may lose the last bytes we sent.
 */
public final class GracefulClose {

    private GracefulClose() {}

    /**
     * Half-closes {@code socket} (unless that is done already), reads and discards its input until
     * the peer closes its side or {@code deadline} has passed - one deadline for all the reads
     * together, not for each - and closes it. Returns true when the peer closed its side in time,
     * false when the deadline passed first or the connection broke. The socket is closed on return.
     */
    public static boolean close(Socket socket, Duration deadline) throws IOException {
        // tag::solution-3.9[]
        long end = System.nanoTime() + deadline.toNanos();
        try (socket) {
            // tag::graceful-close[]
            // 1. FIN: the peer reads -1 after our last byte.
            if (!socket.isOutputShutdown()) {
                socket.shutdownOutput();
            }
            // 2. Drain until the peer's -1: nothing left
            // unread at close(), so no RST.
            InputStream in = socket.getInputStream();
            byte[] discarded = new byte[8192];
            while (true) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false; // exit: the peer took too long
                }
                // What is left of ONE deadline: a timeout per
                // read would let a trickling peer keep us.
                socket.setSoTimeout(millis(left));
                if (in.read(discarded) == -1) {
                    return true; // exit: the peer closed too
                }
            }
            // end::graceful-close[]
        } catch (IOException timedOutOrBroken) {
            // 3. close() below, all the same (try-with-resources).
            return false;
        }
        // end::solution-3.9[]
    }

    /** Nanoseconds as a socket timeout: whole milliseconds, at least 1 (0 would mean forever). */
    private static int millis(long nanos) {
        return (int) Math.clamp(TimeUnit.NANOSECONDS.toMillis(nanos), 1, Integer.MAX_VALUE);
    }
}
