package sockets.step1;

import java.util.List;
import java.util.Map;
import sockets.testing.MadeUpNames;

/**
 * A name resolver for the tests, installed through {@code META-INF/services}: it knows one
 * made-up name, {@value #NAME}, with two addresses (127.0.0.1 and ::1), and hands every other
 * name to the system's resolver. So a test can see all addresses of a name without DNS.
 */
public final class TwoAddressResolver extends MadeUpNames {

    static final String NAME = "two-addresses.step1.test";

    @Override
    protected Map<String, List<byte[]>> names() {
        return Map.of(NAME, List.of(IPV4_LOOPBACK, IPV6_LOOPBACK));
    }
}
