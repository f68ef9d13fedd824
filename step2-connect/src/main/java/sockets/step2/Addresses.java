package sockets.step2;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Writes socket addresses the way users type them: {@code 127.0.0.1:5555}, {@code [::1]:5555}. */
public final class Addresses {

    private Addresses() {}

    /** {@code ADDR:PORT}, or {@code (none)} for an unbound or unconnected end. */
    public static String of(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return of(inet.getAddress(), inet.getPort());
        }
        return address == null ? "(none)" : address.toString();
    }

    public static String of(InetAddress address, int port) {
        return of(address.getHostAddress(), port);
    }

    /** Brackets around an IPv6 literal, so its colons are not taken for the port's. */
    public static String of(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
