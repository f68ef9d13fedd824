package sockets.step1;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.stream.Stream;

/**
 * A name resolver for the tests, installed through {@code META-INF/services}: it knows one
 * made-up name, {@value #NAME}, with two addresses (127.0.0.1 and ::1), and hands every other
 * name to the system's resolver. So a test can see all addresses of a name without DNS.
 */
public final class TwoAddressResolver extends InetAddressResolverProvider {

    static final String NAME = "two-addresses.step1.test";

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver system = configuration.builtinResolver();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy)
                    throws UnknownHostException {
                if (!host.equalsIgnoreCase(NAME)) {
                    return system.lookupByName(host, policy);
                }
                byte[] ipv6Loopback = new byte[16];
                ipv6Loopback[15] = 1;
                return Stream.of(InetAddress.getByAddress(NAME, new byte[] {127, 0, 0, 1}),
                        InetAddress.getByAddress(NAME, ipv6Loopback));
            }

            @Override
            public String lookupByAddress(byte[] address) throws UnknownHostException {
                return system.lookupByAddress(address);
            }
        };
    }

    @Override
    public String name() {
        return "step 1 tests: " + NAME;
    }
}
