package sockets.testing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A name resolver for tests, installed by a subclass named in a module's
 * {@code META-INF/services/java.net.spi.InetAddressResolverProvider}: made-up names with fixed
 * addresses in a fixed order, so a test sees every address of a name without DNS. Every other name
 * goes to the system's resolver.
 */
public abstract class MadeUpNames extends InetAddressResolverProvider {

    /** Each made-up name, in lower case, and its addresses in the order a lookup returns them. */
    protected abstract Map<String, List<byte[]>> names();

    /** 127.0.0.1, as the bytes of an address. */
    protected static final byte[] IPV4_LOOPBACK = {127, 0, 0, 1};
    /** ::1, as the bytes of an address. */
    protected static final byte[] IPV6_LOOPBACK = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver system = configuration.builtinResolver();
        Map<String, List<byte[]>> names = names();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                List<byte[]> addresses = names.get(host.toLowerCase(Locale.ROOT));
                if (addresses == null) {
                    return system.lookupByName(host, policy);
                }
                InetAddress[] found = new InetAddress[addresses.size()];
                for (int i = 0; i < found.length; i++) {
                    found[i] = InetAddress.getByAddress(host, addresses.get(i));
                }
                return Stream.of(found);
            }

            @Override
            public String lookupByAddress(byte[] address) throws UnknownHostException {
                return system.lookupByAddress(address);
            }
        };
    }

    @Override
    public String name() {
        return getClass().getSimpleName() + ": " + names().keySet();
    }
}
