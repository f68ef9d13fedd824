package sockets.step3;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import jdk.net.ExtendedSocketOptions;

/**
 * TCP keepalive: after a silence, the kernel sends probes that the peer's kernel must answer, and
 * ends the connection when it does not - the way to notice a peer that vanished without FIN or
 * RST (a machine switched off, a cable pulled, a NAT that forgot the connection).
 */
public final class KeepAlive {

    private KeepAlive() {}

    /**
     * Turns SO_KEEPALIVE on for {@code socket}: the first probe after {@code idle} of silence, then
     * one every {@code interval}, and the connection ends after {@code probes} unanswered ones.
     * Returns how long a vanished peer can go unnoticed at most: idle + interval x probes. Times
     * are whole seconds, at least 1, and probes at least 1: otherwise {@link IllegalArgumentException},
     * and the socket is left as it was. Where the system cannot tune keepalive,
     * {@link UnsupportedOperationException}.
     */
    public static Duration enable(Socket socket, Duration idle, Duration interval, int probes)
            throws IOException {
        // tag::solution-3.10[]
        int idleSeconds = seconds("idle", idle);
        int intervalSeconds = seconds("interval", interval);
        if (probes < 1) {
            throw new IllegalArgumentException(
                    "probes must be at least 1, was " + probes);
        }
        // tag::keepalive[]
        // Off by default; on, it waits 2 hours (Linux).
        socket.setKeepAlive(true);
        // The JDK's own options (module jdk.net), in seconds:
        socket.setOption(ExtendedSocketOptions.TCP_KEEPIDLE,
                idleSeconds);
        socket.setOption(ExtendedSocketOptions.TCP_KEEPINTERVAL,
                intervalSeconds);
        socket.setOption(ExtendedSocketOptions.TCP_KEEPCOUNT,
                probes);
        return idle.plus(interval.multipliedBy(probes));
        // end::keepalive[]
        // end::solution-3.10[]
    }

    /** {@code time} in whole seconds, at least 1: the kernel counts keepalive in seconds. */
    private static int seconds(String name, Duration time) {
        if (time.toMillis() % 1000 != 0 || time.toSeconds() < 1 || time.toSeconds() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be whole seconds, at least 1, was " + time);
        }
        return (int) time.toSeconds();
    }
}
