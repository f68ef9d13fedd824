package sockets.step3;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import sockets.step3.framing.LineReader;

/**
 * Reading with a deadline: {@code SO_TIMEOUT} turns "blocked forever" into a
 * {@link SocketTimeoutException} that leaves the socket - and the {@link LineReader} - usable.
 */
public final class Deadlines {

    private Deadlines() {}

    /**
     * The next line from {@code reader} (which reads {@code socket}), waiting at most {@code within}
     * for each chunk of bytes; the socket's previous timeout is restored afterwards. On timeout the
     * bytes of a partial line stay in the reader, so calling again later returns the whole line.
     */
    public static String readLine(Socket socket, LineReader reader, Duration within) throws IOException {
        // tag::solution-3.6[]
        int before = socket.getSoTimeout();
        // tag::so-timeout[]
        // 0 would mean "wait forever": at least 1 ms.
        long millis = Math.max(1, within.toMillis());
        // SO_TIMEOUT bounds each blocking read().
        socket.setSoTimeout(Math.toIntExact(millis));
        try {
            return reader.readLine();
        } finally {
            socket.setSoTimeout(before);
        }
        // end::so-timeout[]
        // end::solution-3.6[]
    }
}
