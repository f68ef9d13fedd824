package sockets.step1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnsupportedAddressTypeException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import sockets.testing.Exercise;
import sockets.testing.OpenDescriptors;

@Exercise("1.3")
@Timeout(5)
@DisplayName("ChannelOpener")
class ChannelOpenerTest {

    private static final InetAddress IPV4_LOOPBACK = loopback("127.0.0.1");
    private static final InetAddress IPV6_LOOPBACK = loopback("::1");

    @Nested
    @DisplayName("stream(family)")
    class Stream {

        @ParameterizedTest(name = "{0} is open, unbound")
        @EnumSource(StandardProtocolFamily.class)
        void givesAFreshChannel(StandardProtocolFamily family) throws IOException {
            try (SocketChannel channel = ChannelOpener.stream(family)) {
                assertTrue(channel.isOpen(), "stream(" + family + ") returned a closed channel");
                assertNull(channel.getLocalAddress(), "stream(" + family + ") should not bind the channel");
                assertFalse(channel.isConnected(), "stream(" + family + ") should not connect the channel");
            }
        }

        @Test
        @DisplayName("INET refuses ::1")
        void inetIsIpv4Only() throws IOException {
            try (SocketChannel channel = ChannelOpener.stream(StandardProtocolFamily.INET)) {
                assertThrows(UnsupportedAddressTypeException.class,
                        () -> channel.bind(new InetSocketAddress(IPV6_LOOPBACK, 0)),
                        "an INET channel must refuse ::1 - pass the family: SocketChannel.open(family),"
                                + " not SocketChannel.open()");
            }
            try (SocketChannel channel = ChannelOpener.stream(StandardProtocolFamily.INET)) {
                channel.bind(new InetSocketAddress(IPV4_LOOPBACK, 0));
                InetSocketAddress local = (InetSocketAddress) channel.getLocalAddress();
                assertInstanceOf(Inet4Address.class, local.getAddress(), "an INET channel has an IPv4 address");
            }
        }

        @Test
        @DisplayName("INET6 binds to ::1")
        void inet6BindsToIpv6Loopback() throws IOException {
            try (SocketChannel channel = ChannelOpener.stream(StandardProtocolFamily.INET6)) {
                channel.bind(new InetSocketAddress(IPV6_LOOPBACK, 0));
                InetSocketAddress local = (InetSocketAddress) channel.getLocalAddress();
                assertInstanceOf(Inet6Address.class, local.getAddress(), "an INET6 channel has an IPv6 address");
                assertTrue(local.getPort() > 0, "binding to port 0 should give a real port");
            }
        }
    }

    @Nested
    @DisplayName("bindUnix(path)")
    class BindUnix {

        @Test
        @DisplayName("creates the file")
        void createsTheSocketFile(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("test.sock");
            try (ServerSocketChannel server = ChannelOpener.bindUnix(file)) {
                assertTrue(server.isOpen(), "bindUnix() returned a closed channel - return it open");
                assertEquals(UnixDomainSocketAddress.of(file), server.getLocalAddress(),
                        "bindUnix(path) should bind to UnixDomainSocketAddress.of(path)");
                assertTrue(Files.exists(file), "binding a UNIX socket creates its file: " + file);
            }
            // Closing does not remove the file: whoever binds must delete it.
            assertTrue(Files.exists(file), "the socket file outlives close()");
        }

        @Test
        @DisplayName("fails on a leftover file")
        void aLeftoverFileBlocksTheNextBind(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("again.sock");
            ChannelOpener.bindUnix(file).close();
            assertTrue(Files.exists(file), "bindUnix(path) should create the socket file at path: " + file);
            assertThrows(IOException.class, () -> ChannelOpener.bindUnix(file).close(),
                    "a second bind to a leftover socket file should fail (address in use)");
            Files.delete(file);
            try (ServerSocketChannel server = ChannelOpener.bindUnix(file)) {
                assertEquals(UnixDomainSocketAddress.of(file), server.getLocalAddress(),
                        "once the file is deleted, bindUnix(path) should work again");
            }
        }

        @Test
        @DisplayName("closes its channel when the bind fails")
        void closesTheChannelWhoseBindFailed(@TempDir Path dir) throws IOException {
            int attempts = 20;
            Path file = dir.resolve("taken.sock");
            try (ServerSocketChannel holder = ChannelOpener.bindUnix(file)) {
                // A first failure loads what failing needs, so the count below sees only channels.
                assertThrows(IOException.class, () -> ChannelOpener.bindUnix(file).close());
                long before = OpenDescriptors.count();
                for (int i = 0; i < attempts; i++) { // exit: after a fixed number of tries
                    assertThrows(IOException.class, () -> ChannelOpener.bindUnix(file).close());
                }
                long leaked = OpenDescriptors.count() - before;
                assertTrue(leaked < attempts / 2, attempts + " failed bindUnix(" + file + ") left " + leaked
                        + " more descriptors open - close the channel when bind() throws, then rethrow");
            }
        }
    }

    private static InetAddress loopback(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (IOException e) {
            throw new AssertionError("cannot parse " + literal, e);
        }
    }
}
