package sockets.step2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.Exercise;
import sockets.testing.OpenDescriptors;

/**
 * A name with two addresses, from the test resolver {@link TestNames}: ::1 and 127.0.0.1 on the
 * same port, one listening and the other refusing (a socket bound there that does not listen).
 */
@Exercise("2.5")
@Timeout(10)
@DisplayName("Connector.connect(host, port, timeout) tries every address")
class EveryAddressTest {

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable each : opened) {
            each.close();
        }
    }

    @Test
    @DisplayName("when the first address refuses, it connects to the next one")
    void firstRefusesSecondAnswers() throws IOException {
        int port = listenOnIpv4RefuseOnIpv6();
        try (Socket socket = Connector.connect(TestNames.IPV6_FIRST, port, Loopback.DEADLINE_MS)) {
            assertEquals(new InetSocketAddress(Loopback.ADDRESS, port), socket.getRemoteSocketAddress(),
                    TestNames.IPV6_FIRST + " is ::1 then 127.0.0.1; ::1 refuses, so the connection should be to"
                            + " 127.0.0.1 - did you try every address of InetAddress.getAllByName, not just the first?");
        }
    }

    @Test
    @DisplayName("when the first address answers, that is the one it connects to")
    void firstAnswers() throws IOException {
        int port = listenOnIpv4RefuseOnIpv6();
        try (Socket socket = Connector.connect(TestNames.IPV4_FIRST, port, Loopback.DEADLINE_MS)) {
            assertEquals(new InetSocketAddress(Loopback.ADDRESS, port), socket.getRemoteSocketAddress(),
                    "the first address, 127.0.0.1, answers: the connection should be to it");
        }
    }

    @Test
    @DisplayName("when every address fails: the first address's failure, the others' attached, no socket left open")
    void everyAddressRefuses() throws IOException {
        int port = refuseOnBoth();
        long before = OpenDescriptors.count();
        IOException failure = assertThrows(IOException.class,
                () -> Connector.connect(TestNames.IPV4_FIRST, port, Loopback.DEADLINE_MS).close(),
                "nothing listens on either address: connect should throw");
        assertTrue(failure instanceof ConnectException,
                "127.0.0.1 is the first address and it refuses: expected its ConnectException first, got " + failure);
        assertEquals(1, failure.getSuppressed().length,
                "the failure of the second address (::1) should be attached with addSuppressed,"
                        + " so the user can see that every address was tried");
        assertEquals(before, OpenDescriptors.count(),
                "a socket whose connect failed still holds a descriptor: close it before trying the next address");
    }

    @Test
    @DisplayName("an address that does not answer costs one timeout, then the next is tried")
    void timeoutThenNext() throws IOException {
        assumeTrue(Loopback.hasIpv6(), "this machine has no IPv6 loopback");
        ServerSocket busy = Loopback.server(1);
        opened.add(busy);
        for (Socket queued : Loopback.fillBacklog(busy)) {
            opened.add(queued);
        }
        ServerSocket onIpv6 = new ServerSocket();
        opened.add(onIpv6);
        try {
            onIpv6.bind(new InetSocketAddress(Loopback.IPV6, busy.getLocalPort()));
        } catch (BindException taken) {
            assumeTrue(false, "another program listens on [::1]:" + busy.getLocalPort());
        }
        try (Socket socket = Connector.connect(TestNames.IPV4_FIRST, busy.getLocalPort(), 500)) {
            assertEquals(new InetSocketAddress(Loopback.IPV6, busy.getLocalPort()), socket.getRemoteSocketAddress(),
                    "127.0.0.1's backlog is full (its connect times out), ::1 listens: the connection should be to ::1"
                            + " - a timeout is one address's failure like any other");
        }
    }

    /** A port where 127.0.0.1 listens and ::1 refuses (or, without IPv6, cannot be reached). */
    private int listenOnIpv4RefuseOnIpv6() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) { // exit: a port whose ::1 side nobody else holds
            ServerSocket server = Loopback.server(5);
            opened.add(server);
            if (holdIpv6(server.getLocalPort())) {
                return server.getLocalPort();
            }
        }
        throw new AssertionError("no port free on both 127.0.0.1 and ::1 after 20 tries");
    }

    /** A port where both 127.0.0.1 and ::1 refuse. */
    private int refuseOnBoth() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) { // exit: as above
            Socket holder = Loopback.holdWithoutListening(Loopback.ADDRESS, 0);
            opened.add(holder);
            if (holdIpv6(holder.getLocalPort())) {
                return holder.getLocalPort();
            }
        }
        throw new AssertionError("no port free on both 127.0.0.1 and ::1 after 20 tries");
    }

    /** Holds ::1 on {@code port}; false if another program has it. Without IPv6, ::1 fails anyway. */
    private boolean holdIpv6(int port) throws IOException {
        if (!Loopback.hasIpv6()) {
            return true; // a connect to ::1 fails here as well: still "the first address fails"
        }
        try {
            opened.add(Loopback.holdWithoutListening(Loopback.IPV6, port));
            return true;
        } catch (BindException taken) {
            return false;
        }
    }
}
