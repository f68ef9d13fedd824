package sockets.step4;

import java.time.Duration;

/**
 * TCP keepalive for every client of the {@link ChatServer} (step 3's {@code KeepAlive}): after
 * {@code idle} of silence both ways the kernel probes, every {@code interval}, and ends the
 * connection after {@code probes} unanswered ones - so a client that vanished without FIN or RST
 * (switched off, unplugged, out of range) is noticed, and its partner told, within idle + interval
 * x probes.
 */
public record KeepAliveProbes(Duration idle, Duration interval, int probes) {
    /** A vanished client noticed within 110 s; a quiet one costs two small packets a minute. */
    public static final KeepAliveProbes DEFAULT = new KeepAliveProbes(Duration.ofSeconds(60), Duration.ofSeconds(10), 5);
}
