package sockets.step4;

import java.io.IOException;
import java.time.Duration;
import sockets.step3.GracefulClose;
import sockets.step4.tls.Deadline;

/**
 * How the chat ends a {@link SimpleSocket} from its side: gracefully, with step 3's
 * {@link GracefulClose} (section 3.8) and one more deadline when the lines travel inside TLS; or,
 * for the operator's kick, by reading no more.
 */
final class Closing {

    private Closing() {}

    /**
     * After {@link SimpleSocket#shutdownOutput()}: reads and drops what the peer still sends until
     * it closes its side or {@code millis} pass, then closes - a close with unread bytes is
     * answered by a reset, which can destroy our last lines before they are read.
     */
    static void drainAndClose(SimpleSocket connection, int millis) {
        // With TLS the half-close sends a record, which can wait behind a write that never ends:
        // then the deadline closes the TCP connection under it, and the wait ends.
        boolean tls = connection.socket() != connection.tcp();
        Deadline deadline = tls ? Deadline.closing(connection.tcp(), millis + 100) : null;
        try {
            GracefulClose.close(connection.socket(), Duration.ofMillis(millis));
        } catch (IOException e) {
            // Already gone: closed below all the same.
        } finally {
            if (deadline != null) {
                deadline.cancel();
            }
            connection.close(); // With TLS, the connection under the TLS socket too.
        }
    }

    /**
     * Stops reading, from any thread: {@link SimpleSocket#receiveLine()} returns end of stream
     * (null), and a thread blocked in it wakes up (on Linux and macOS). What the peer still sends
     * is dropped.
     */
    static void stopReading(SimpleSocket connection) {
        try {
            connection.socket().shutdownInput();
        } catch (IOException e) {
            // Closed or broken already: nothing more will be read either way.
        }
    }
}
