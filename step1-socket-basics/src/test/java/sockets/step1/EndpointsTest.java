package sockets.step1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ungraded (given code): how every step writes an address, the way a user would type it. */
@DisplayName("Endpoints.show")
class EndpointsTest {

    @Test
    @DisplayName("writes IPv4 as ADDR:PORT")
    void ipv4() throws UnknownHostException {
        assertEquals("127.0.0.1:5555", Endpoints.show(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 5555)));
    }

    @ParameterizedTest(name = "{0} is written [{1}]:80")
    @CsvSource({
        "::1, ::1",
        "::, ::",
        "fe80:0:0:0:0:0:0:1, fe80::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:db8:1:2:3:4:5:6, 2001:db8:1:2:3:4:5:6",
        "2001:db8:0:1:2:3:4:5, 2001:db8:0:1:2:3:4:5",
        "1:0:0:2:0:0:0:3, 1:0:0:2::3",
    })
    @DisplayName("writes IPv6 short (RFC 5952) and in brackets")
    void ipv6(String address, String expected) throws UnknownHostException {
        assertEquals("[" + expected + "]:80", Endpoints.show(InetAddress.getByName(address), 80));
    }

    @Test
    @DisplayName("keeps an IPv6 scope")
    void scope() {
        assertEquals("fe80::1%2", Endpoints.shortIpv6("fe80:0:0:0:0:0:0:1%2"));
    }

    @Test
    @DisplayName("writes (none) for an end that has no address yet")
    void noAddress() {
        assertEquals("(none)", Endpoints.show((SocketAddress) null), "an unconnected socket's remote address is null");
    }

    @Test
    @DisplayName("writes other addresses as they write themselves: a name not resolved, a UNIX path")
    void otherAddresses() {
        assertEquals("example.invalid/<unresolved>:80", Endpoints.show(InetSocketAddress.createUnresolved("example.invalid", 80)));
        assertEquals(Path.of("/tmp/chat.sock").toString(), Endpoints.show(UnixDomainSocketAddress.of("/tmp/chat.sock")));
    }

    @Test
    @DisplayName("brackets a host typed as an IPv6 literal")
    void typedHost() {
        assertEquals("localhost:5555", Endpoints.show("localhost", 5555));
        assertEquals("[::1]:5555", Endpoints.show("::1", 5555));
    }

    @Test
    @DisplayName("writes the address alone as nc takes it")
    void hostAlone() throws UnknownHostException {
        assertEquals("::1", Endpoints.host(InetAddress.getByName("::1")));
        assertEquals("127.0.0.1", Endpoints.host(InetAddress.getByName("127.0.0.1")));
    }
}
