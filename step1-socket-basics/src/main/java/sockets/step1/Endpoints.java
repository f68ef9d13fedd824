package sockets.step1;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * Writes an endpoint the way users type it: {@code 127.0.0.1:5555}, {@code [::1]:5555}. The one
 * address formatter of the whole course: every step prints addresses through it, so they agree.
 */
public final class Endpoints {

    private Endpoints() {}

    /** {@code ADDR:PORT}; {@code (none)} for an end with no address yet; a UNIX socket's path. */
    public static String show(SocketAddress endpoint) {
        if (endpoint instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return show(inet.getAddress(), inet.getPort());
        }
        // Not resolved, or a UNIX-domain path: it writes itself well enough.
        return endpoint == null ? "(none)" : endpoint.toString();
    }

    /** {@code ADDR:PORT}, an IPv6 address short and in brackets. */
    public static String show(InetAddress address, int port) {
        // Brackets keep an IPv6 address's own colons apart from the port's, as in a URL.
        return address instanceof Inet6Address ? "[" + host(address) + "]:" + port : host(address) + ":" + port;
    }

    /** The address alone, as tools like {@code nc} take it: {@code 127.0.0.1}, {@code ::1}. */
    public static String host(InetAddress address) {
        String written = address.getHostAddress();
        return address instanceof Inet6Address ? shortIpv6(written) : written;
    }

    /** {@code HOST:PORT} for a host as the user typed it (a name, or an address). */
    public static String show(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /**
     * The short form users know (RFC 5952): Java writes {@code ::1} as {@code 0:0:0:0:0:0:0:1};
     * the longest run of two or more zero groups becomes {@code ::}.
     */
    static String shortIpv6(String full) {
        int percent = full.indexOf('%');
        String scope = percent < 0 ? "" : full.substring(percent); // fe80::1%eth0 keeps its scope
        String[] groups = (percent < 0 ? full : full.substring(0, percent)).split(":");
        int bestStart = -1;
        int bestLength = 1;
        for (int start = 0; start < groups.length; start++) {
            int end = start;
            while (end < groups.length && groups[end].equals("0")) {
                end++;
            }
            if (end - start > bestLength) {
                bestStart = start;
                bestLength = end - start;
            }
        }
        if (bestStart < 0) {
            return full; // No run of two zero groups: nothing to shorten.
        }
        String before = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String after = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return before + "::" + after + scope;
    }
}
