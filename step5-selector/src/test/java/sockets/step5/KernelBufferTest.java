package sockets.step5;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import sockets.testing.LoopbackClient;

/**
 * Ungraded: step 4's bound on the kernel's share, on one thread. The server sets each client's
 * send buffer (SO_SNDBUF) as it welcomes it ({@code Acceptor}, given code): unbounded, Linux grows
 * it to megabytes on loopback, 500 clients that never read then hold gigabytes of kernel memory,
 * and each one's stall clock starts only once its megabytes are full.
 */
@DisplayName("A client that never reads: what the kernel holds for it is bounded")
@Timeout(60)
@ExtendWith(StubFirst.class)
class KernelBufferTest {

    @Test
    @DisplayName("dropped for not reading, a client then receives at most 512 KB: the server's send buffer is bounded")
    void kernelShareBounded() throws Exception {
        try (TestServer chat = TestServer.withTimeouts(0, 500)) {
            LoopbackClient[] room = chat.pair("alice", "bob");
            Flood.start(room[0].socket(), 250_000); // about 20 MB: far more than any buffer
            room[0].expectLine(line -> line.equals("* bob left (was not reading, disconnected)"),
                    "'* bob left (was not reading, disconnected)' at alice (stall time 0.5 s)");
            // Dropped: what the server had handed the kernel for bob arrives now, then end of stream.
            // Bob's own receive buffer holds part of it (Linux starts it at 128 KB and grows it only
            // for a reader that reads).
            room[1].socket().setSoTimeout(10_000);
            InputStream in = room[1].socket().getInputStream();
            long inKernel = 0;
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) != -1; ) {
                inKernel += n;
            }
            assertTrue(inKernel <= 512 * 1024, "the kernel held " + inKernel + " bytes for a client that never"
                    + " reads; at most 512 KB - does the server bound each client's send buffer (SO_SNDBUF)?");
        }
    }
}
