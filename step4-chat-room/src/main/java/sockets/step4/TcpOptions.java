package sockets.step4;

import java.io.IOException;
import java.net.Socket;
import jdk.net.ExtendedSocketOptions;
import sockets.step3.KeepAlive;

/**
 * Options of the TCP connection under a {@link SimpleSocket}, which {@link Arrivals} sets on each
 * client of the server as it arrives: keepalive (section 3.9) and a bounded send buffer (section
 * 3.7). They belong to the connection itself, so TLS, wrapped around it afterwards, keeps them.
 */
final class TcpOptions {

    private TcpOptions() {}

    /**
     * TCP keepalive, tuned as {@code probes} says (step 3's {@link KeepAlive}): a client that
     * vanished makes {@link SimpleSocket#receiveLine()} fail with {@code connection lost: ...}.
     */
    static void keepAlive(SimpleSocket client, KeepAliveProbes probes) throws IOException {
        Socket tcp = client.tcp();
        if (!tcp.supportedOptions().contains(ExtendedSocketOptions.TCP_KEEPIDLE)) {
            tcp.setKeepAlive(true); // Cannot be tuned here: the system's timing (Linux: 2 hours).
            return;
        }
        KeepAlive.enable(tcp, probes.idle(), probes.interval(), probes.probes());
    }

    /**
     * At most about {@code bytes} of our lines wait in the kernel for a client that does not read
     * ({@code SO_SNDBUF}; Linux counts its bookkeeping in it and doubles the number). Left alone,
     * Linux grows this buffer to megabytes.
     */
    static void sendBuffer(SimpleSocket client, int bytes) throws IOException {
        client.tcp().setSendBufferSize(bytes);
    }
}
