package sockets.step2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Ungraded: how the mains and the tour write an address, the way a user would type it. */
@DisplayName("Addresses.of")
class AddressesTest {

    @Test
    @DisplayName("writes IPv4 as ADDR:PORT and IPv6 in brackets")
    void ipAddresses() {
        assertEquals("127.0.0.1:5555", Addresses.of(new InetSocketAddress(Loopback.ADDRESS, 5555)));
        assertEquals("[0:0:0:0:0:0:0:1]:5555", Addresses.of(new InetSocketAddress("::1", 5555)));
    }

    @Test
    @DisplayName("writes (none) for an end that has no address yet")
    void noAddress() {
        assertEquals("(none)", Addresses.of((SocketAddress) null),
                "an unconnected socket's remote address is null");
    }

    @Test
    @DisplayName("writes other addresses as they write themselves: a name not resolved, a UNIX path")
    void otherAddresses() {
        assertEquals("example.invalid/<unresolved>:80", Addresses.of(InetSocketAddress.createUnresolved("example.invalid", 80)));
        assertEquals(Path.of("/tmp/chat.sock").toString(), Addresses.of(UnixDomainSocketAddress.of("/tmp/chat.sock")));
    }
}
