package sockets.step3.framing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.step3.LoopbackPair;
import sockets.step3.Streams;
import sockets.testing.Exercise;

@Exercise("3.4")
@Timeout(10)
@DisplayName("Length-prefixed frames")
class FramesTest {

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Nested
    @DisplayName("FrameWriter")
    class Writer {

        @Test
        @DisplayName("writes a 4-byte big-endian length, then the payload")
        void wireFormat() throws IOException {
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            new FrameWriter(wire, 1000).writeFrame(utf8("hi"));
            assertArrayEquals(new byte[] {0, 0, 0, 2, 'h', 'i'}, wire.toByteArray(),
                    "expected 00 00 00 02 'h' 'i' - use DataOutputStream.writeInt for the length");
        }

        @Test
        @DisplayName("refuses a payload over the maximum and writes nothing")
        void refusesTooLarge() {
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            FrameTooLargeException e = assertThrows(FrameTooLargeException.class,
                    () -> new FrameWriter(wire, 3).writeFrame(new byte[4]), "4 bytes with a maximum of 3");
            assertEquals(4, e.size());
            assertEquals(3, e.limit());
            assertEquals(0, wire.size(), "check the size before writing the header");
        }

        @Test
        @DisplayName("a payload of exactly the maximum is sent; an empty one always is")
        void exactlyTheMaximum() throws IOException {
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            new FrameWriter(wire, 3).writeFrame(utf8("abc"));
            new FrameWriter(wire, 0).writeFrame(new byte[0]);
            assertArrayEquals(new byte[] {0, 0, 0, 3, 'a', 'b', 'c', 0, 0, 0, 0}, wire.toByteArray(),
                    "the maximum is allowed: refuse only payload.length > max");
        }

        @Test
        @DisplayName("flushes: the peer gets the frame through a buffered stream at once")
        void flushes() throws IOException {
            try (LoopbackPair pair = LoopbackPair.open()) {
                pair.server().setSoTimeout(2000);
                new FrameWriter(new BufferedOutputStream(pair.client().getOutputStream()), 100).writeFrame(utf8("ping"));
                assertArrayEquals(utf8("ping"), new FrameReader(pair.server().getInputStream(), 100).readFrame(),
                        "the peer should get the frame within 2 s - did you flush() after writing?");
            }
        }
    }

    @Nested
    @DisplayName("FrameReader")
    class Reader {

        @Test
        @DisplayName("reads back what FrameWriter wrote: LF inside, empty frames, binary")
        void roundTrip() throws IOException {
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            FrameWriter writer = new FrameWriter(wire, 1000);
            byte[] binary = new byte[256];
            for (int i = 0; i < binary.length; i++) {
                binary[i] = (byte) i;
            }
            writer.writeFrame(utf8("two\nlines"));
            writer.writeFrame(new byte[0]);
            writer.writeFrame(binary);
            FrameReader reader = new FrameReader(new ByteArrayInputStream(wire.toByteArray()), 1000);
            assertArrayEquals(utf8("two\nlines"), reader.readFrame());
            assertArrayEquals(new byte[0], reader.readFrame());
            assertArrayEquals(binary, reader.readFrame());
            assertNull(reader.readFrame(), "a stream that ends between frames gives null");
        }

        @Test
        @DisplayName("reads a frame that arrives one byte per read")
        void oneByteAtATime() throws IOException {
            byte[] wire = {0, 0, 0, 5, 'h', 'e', 'l', 'l', 'o'};
            FrameReader reader = new FrameReader(Streams.oneByteAtATime(new ByteArrayInputStream(wire)), 100);
            assertArrayEquals(utf8("hello"), reader.readFrame(),
                    "one read() may return 1 byte: use readFully for the payload");
        }

        @Test
        @DisplayName("a stream that ends inside a frame is an EOFException")
        void endsInside() {
            byte[] wire = {0, 0, 0, 5, 'h', 'e'};
            assertThrows(EOFException.class, () -> new FrameReader(new ByteArrayInputStream(wire), 100).readFrame(),
                    "2 of 5 payload bytes then EOF: readFully throws EOFException");
            assertThrows(EOFException.class,
                    () -> new FrameReader(new ByteArrayInputStream(new byte[] {0, 0}), 100).readFrame(),
                    "half a header then EOF is not a clean end");
        }

        @Test
        @DisplayName("refuses an announced length over the maximum before reading the payload")
        void refusesTooLarge() throws IOException {
            byte[] wire = new byte[4 + 10];
            wire[3] = 10;
            ByteArrayInputStream in = new ByteArrayInputStream(wire);
            FrameTooLargeException e = assertThrows(FrameTooLargeException.class,
                    () -> new FrameReader(in, 9).readFrame(), "10 announced, maximum 9");
            assertEquals(10, e.size());
            assertEquals(10, in.available(), "only the 4 header bytes should be read before refusing");
        }

        @Test
        @DisplayName("reads a frame of exactly the maximum; with a maximum of 0, empty frames")
        void exactlyTheMaximum() throws IOException {
            byte[] wire = {0, 0, 0, 3, 'a', 'b', 'c', 0, 0, 0, 0};
            ByteArrayInputStream in = new ByteArrayInputStream(wire);
            assertArrayEquals(utf8("abc"), new FrameReader(in, 3).readFrame(),
                    "3 bytes announced, maximum 3: allowed - refuse only length > max");
            assertArrayEquals(new byte[0], new FrameReader(in, 0).readFrame(), "an empty frame is never too large");
        }

        @Test
        @DisplayName("refuses a 4 GB length (all bits set) instead of allocating")
        void refusesHuge() {
            byte[] wire = new byte[8];
            Arrays.fill(wire, 0, 4, (byte) 0xff);
            assertThrows(FrameTooLargeException.class,
                    () -> new FrameReader(new ByteArrayInputStream(wire), 1 << 20).readFrame(),
                    "FF FF FF FF is 4 GB unsigned (or -1 signed) - refuse it, never new byte[length]");
        }
    }
}
