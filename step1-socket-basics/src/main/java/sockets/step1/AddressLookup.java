package sockets.step1;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.StandardProtocolFamily;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns names into addresses, as C's {@code getaddrinfo()} does, and tells an address's family.
 * Only ever asked about "localhost" and literal addresses here, so no outside DNS is needed.
 */
public final class AddressLookup {

    private AddressLookup() {}

    /** {@code getaddrinfo(host, ...)}: every address of {@code host}, IPv4 and IPv6. */
    // tag::lookup[]
    public static List<InetAddress> all(String host)
            throws UnknownHostException {
        // tag::solution-1.2[]
        // getByName would return only the first address:
        // a client should try each one in turn.
        return List.of(InetAddress.getAllByName(host));
        // end::solution-1.2[]
    }
    // end::lookup[]

    /** The family a socket needs to use {@code address}: AF_INET or AF_INET6. */
    // tag::family[]
    public static StandardProtocolFamily familyOf(
            InetAddress address) {
        // tag::solution-1.2[]
        // 4 bytes or 16 bytes: the subclass says which.
        return address instanceof Inet6Address
                ? StandardProtocolFamily.INET6
                : StandardProtocolFamily.INET;
        // end::solution-1.2[]
    }
    // end::family[]

    /**
     * The loopback address of {@code family}: 127.0.0.1 or ::1. UNIX has no IP address: it
     * throws {@link IllegalArgumentException}.
     */
    public static InetAddress loopback(StandardProtocolFamily family)
            throws UnknownHostException {
        // tag::solution-1.2[]
        // A literal is parsed, never sent to DNS.
        return switch (family) {
            case INET -> InetAddress.getByName("127.0.0.1");
            case INET6 -> InetAddress.getByName("::1");
            case UNIX -> throw new IllegalArgumentException(
                    "a UNIX socket has a file path, not an IP address");
        };
        // end::solution-1.2[]
    }
}
