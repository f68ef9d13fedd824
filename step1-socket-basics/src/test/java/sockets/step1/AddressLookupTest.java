package sockets.step1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.Exercise;

@Exercise("1.2")
@Timeout(5)
@DisplayName("AddressLookup")
class AddressLookupTest {

    @Nested
    @DisplayName("all(host)")
    class All {

        @Test
        @DisplayName("finds 127.0.0.1 for localhost")
        void localhostIsLoopback() throws IOException {
            List<InetAddress> found = AddressLookup.all("localhost");
            assertFalse(found.isEmpty(), "all(\"localhost\") found nothing - use InetAddress.getAllByName(host)");
            assertTrue(found.contains(InetAddress.getByName("127.0.0.1")),
                    "all(\"localhost\") should contain 127.0.0.1, got " + found);
            assertTrue(found.stream().allMatch(InetAddress::isLoopbackAddress),
                    "every address of localhost is a loopback address, got " + found);
        }

        @Test
        @DisplayName("returns every address, not just the first")
        void everyAddress() throws IOException {
            // TwoAddressResolver gives this made-up name two addresses, without any DNS.
            List<InetAddress> found = AddressLookup.all(TwoAddressResolver.NAME);
            assertEquals(List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1")), found,
                    "all() should return every address of the name - getAllByName, not getByName");
        }

        @Test
        @DisplayName("parses 127.0.0.1")
        void parsesAnIpv4Literal() throws IOException {
            assertEquals(List.of(InetAddress.getByName("127.0.0.1")), AddressLookup.all("127.0.0.1"),
                    "all(\"127.0.0.1\") should be exactly [127.0.0.1] - a literal needs no lookup");
        }

        @Test
        @DisplayName("parses ::1 as IPv6")
        void parsesAnIpv6Literal() throws IOException {
            List<InetAddress> found = AddressLookup.all("::1");
            assertEquals(1, found.size(), "all(\"::1\") should give one address, got " + found);
            assertInstanceOf(Inet6Address.class, found.getFirst(), "::1 is an IPv6 address");
        }
    }

    @Nested
    @DisplayName("familyOf(address)")
    class FamilyOf {

        @Test
        @DisplayName("says INET or INET6")
        void tellsTheFamily() throws IOException {
            assertEquals(StandardProtocolFamily.INET, AddressLookup.familyOf(InetAddress.getByName("127.0.0.1")),
                    "127.0.0.1 is IPv4 (an Inet4Address): INET");
            assertEquals(StandardProtocolFamily.INET6, AddressLookup.familyOf(InetAddress.getByName("::1")),
                    "::1 is IPv6 (an Inet6Address): INET6");
        }
    }

    @Nested
    @DisplayName("loopback(family)")
    class Loopback {

        @Test
        @DisplayName("is 127.0.0.1 or ::1")
        void loopbackOfEachFamily() throws IOException {
            InetAddress v4 = AddressLookup.loopback(StandardProtocolFamily.INET);
            InetAddress v6 = AddressLookup.loopback(StandardProtocolFamily.INET6);
            assertInstanceOf(Inet4Address.class, v4, "loopback(INET) should be the IPv4 address 127.0.0.1");
            assertEquals("127.0.0.1", v4.getHostAddress(), "loopback(INET) should be 127.0.0.1");
            assertInstanceOf(Inet6Address.class, v6, "loopback(INET6) should be the IPv6 address ::1");
            assertTrue(v6.isLoopbackAddress(), "loopback(INET6) should be ::1, got " + v6);
        }

        @Test
        @DisplayName("refuses UNIX")
        void unixHasNoIpAddress() {
            assertThrows(IllegalArgumentException.class, () -> AddressLookup.loopback(StandardProtocolFamily.UNIX),
                    "loopback(UNIX) should throw IllegalArgumentException: a UNIX socket has a file path");
        }
    }
}
