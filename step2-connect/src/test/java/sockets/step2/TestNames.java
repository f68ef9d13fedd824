package sockets.step2;

import java.util.List;
import java.util.Map;
import sockets.testing.MadeUpNames;

/**
 * The step's made-up names, installed through {@code META-INF/services}: two loopback addresses
 * each, in a fixed order, so a test can make the first address fail without DNS.
 */
public final class TestNames extends MadeUpNames {

    /** ::1 first, then 127.0.0.1. */
    static final String IPV6_FIRST = "ipv6-first.step2.test";
    /** 127.0.0.1 first, then ::1. */
    static final String IPV4_FIRST = "ipv4-first.step2.test";

    @Override
    protected Map<String, List<byte[]>> names() {
        return Map.of(IPV6_FIRST, List.of(IPV6_LOOPBACK, IPV4_LOOPBACK),
                IPV4_FIRST, List.of(IPV4_LOOPBACK, IPV6_LOOPBACK));
    }
}
