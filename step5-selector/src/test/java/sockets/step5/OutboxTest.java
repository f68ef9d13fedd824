package sockets.step5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.Exercise;

@Exercise("5.1")
@DisplayName("5.1 Outbox.writeTo: a non-blocking write takes what the socket has room for")
@Timeout(10)
class OutboxTest {

    private final BufferPool pool = new BufferPool(Outbox.capacityFor(100));

    /** A channel that takes at most {@code perCall} bytes a call (0: none), like a socket with little room. */
    private static final class NarrowChannel implements WritableByteChannel {
        final ByteArrayOutputStream got = new ByteArrayOutputStream();
        int perCall;
        int calls;

        NarrowChannel(int perCall) {
            this.perCall = perCall;
        }

        @Override
        public int write(ByteBuffer src) {
            calls++;
            int n = Math.min(perCall, src.remaining());
            byte[] bytes = new byte[n];
            src.get(bytes);
            got.writeBytes(bytes);
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {}
    }

    private static byte[] numbered(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) ('a' + i % 26);
        }
        return bytes;
    }

    @Test
    @DisplayName("sends everything when the socket has room, and then holds no buffer")
    void allAtOnce() throws IOException {
        Outbox outbox = new Outbox(pool);
        outbox.put("* welcome\n".getBytes());
        assertEquals(10, outbox.waiting());
        NarrowChannel socket = new NarrowChannel(1 << 20);
        assertTrue(outbox.writeTo(socket), "writeTo should say true (nothing left) when the socket took everything");
        assertEquals("* welcome\n", socket.got.toString());
        assertEquals(0, outbox.waiting(), "nothing should wait once all is sent");
        assertEquals(1, pool.free(), "once all is sent the buffer goes back to the pool: an idle client holds none");
        assertTrue(outbox.writeTo(socket), "an empty outbox has nothing to write: true");
    }

    @Test
    @DisplayName("keeps what the socket did not take, and sends it next time: every byte, in order")
    void partialWrites() throws IOException {
        Outbox outbox = new Outbox(pool);
        byte[] sent = numbered(1000);
        outbox.put(sent);
        NarrowChannel socket = new NarrowChannel(7);
        int tries = 0;
        while (!outbox.writeTo(socket)) {
            tries++;
            assertEquals(1000 - 7 * tries, outbox.waiting(), "after each write, what the socket did not take waits");
        }
        assertEquals(142, tries, "1,000 bytes at 7 a write: 142 partial writes, then the last 6 bytes");
        assertArrayEquals(sent, socket.got.toByteArray(),
                "the bytes arrived changed - is the rest kept in order (compact(), not clear())?");
    }

    @Test
    @DisplayName("lines added between partial writes go out after the ones already waiting")
    void addedWhileWaiting() throws IOException {
        Outbox outbox = new Outbox(pool);
        NarrowChannel socket = new NarrowChannel(5);
        outbox.put("first line\n".getBytes());
        assertFalse(outbox.writeTo(socket));
        outbox.put("second line\n".getBytes());
        socket.perCall = 0;
        assertFalse(outbox.writeTo(socket), "a socket with no room takes nothing: the bytes wait");
        assertEquals(18, outbox.waiting());
        socket.perCall = 100;
        assertTrue(outbox.writeTo(socket));
        assertEquals("first line\nsecond line\n", socket.got.toString());
    }

    @Test
    @DisplayName("on a real socket whose peer stops reading: the kernel fills, the rest waits, all arrive once it reads")
    void realSocket() throws Exception {
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (SocketChannel channel = SocketChannel.open(listener.getLocalAddress());
                 Socket peer = listener.accept().socket()) {
                channel.configureBlocking(false);
                peer.setSoTimeout(5_000);
                Outbox outbox = new Outbox(pool);
                // Fill until a write leaves a rest: the peer reads nothing, so the kernel's buffers fill up.
                long put = 0;
                int round = 0;
                while (true) {
                    byte[] block = numbered(Outbox.MAX_BYTES);
                    Arrays.fill(block, 0, 8, (byte) ('0' + round++ % 10));
                    outbox.put(block);
                    put += block.length;
                    if (!outbox.writeTo(channel)) {
                        break;
                    }
                    assertTrue(put < 256L * 1024 * 1024, "the kernel took 256 MB without the peer reading: impossible");
                }
                assertTrue(outbox.waiting() > 0, "bytes the socket did not take must wait in the outbox");
                // The peer reads: keep writing as room is made, until everything has left.
                InputStream in = peer.getInputStream();
                byte[] buffer = new byte[64 * 1024];
                long received = 0;
                ByteArrayOutputStream head = new ByteArrayOutputStream();
                while (received < put) {
                    outbox.writeTo(channel);
                    int n = in.read(buffer);
                    assertTrue(n > 0, "the peer's stream ended early");
                    for (int i = 0; i < n; i++, received++) {
                        if (received % Outbox.MAX_BYTES == 0) {
                            head.write(buffer[i]); // the first byte of each block: its round number
                        }
                    }
                }
                assertEquals(0, outbox.waiting());
                StringBuilder expected = new StringBuilder();
                for (int i = 0; i < round; i++) {
                    expected.append((char) ('0' + i % 10));
                }
                assertEquals(expected.toString(), head.toString(), "blocks arrived out of order or incomplete");
            }
        }
    }

    @Test
    @DisplayName("is full from 64 KB on, and leaves 16 KB of room for notices")
    void bounds() {
        Outbox outbox = new Outbox(pool);
        outbox.put(new byte[Outbox.MAX_BYTES - 1]);
        assertFalse(outbox.isFull());
        outbox.put((byte) '\n');
        assertTrue(outbox.isFull(), "64 KB waiting: full");
        assertTrue(outbox.hasNoticeRoom(Outbox.NOTICE_ROOM_BYTES));
        assertFalse(outbox.hasNoticeRoom(Outbox.NOTICE_ROOM_BYTES + 1));
        outbox.discard();
        assertEquals(0, outbox.waiting());
    }
}
