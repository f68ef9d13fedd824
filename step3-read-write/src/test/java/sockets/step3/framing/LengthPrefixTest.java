package sockets.step3.framing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sockets.testing.Exercise;

@Exercise("3.8")
@DisplayName("Byte order: LengthPrefix")
class LengthPrefixTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    @Nested
    @DisplayName("encode")
    class Encode {

        @Test
        @DisplayName("258 is 00 00 01 02 in network byte order (big-endian), 02 01 00 00 little-endian")
        void bothOrders() {
            assertEquals("00 00 01 02", HEX.formatHex(LengthPrefix.encode(258, ByteOrder.BIG_ENDIAN)),
                    "big-endian puts the most significant byte first");
            assertEquals("02 01 00 00", HEX.formatHex(LengthPrefix.encode(258, ByteOrder.LITTLE_ENDIAN)),
                    "little-endian puts the least significant byte first - did you set the ByteBuffer's order()?");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(ints = {0, 1, 258, 65_536, 16_909_060, Integer.MAX_VALUE})
        @DisplayName("big-endian is exactly what DataOutputStream.writeInt sends")
        void sameAsWriteInt(int length) throws IOException {
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            new DataOutputStream(written).writeInt(length);
            assertArrayEquals(written.toByteArray(), LengthPrefix.encode(length, ByteOrder.BIG_ENDIAN),
                    "writeInt writes network byte order: encode(" + length + ", BIG_ENDIAN) should agree");
        }

        @Test
        @DisplayName("lengths above Integer.MAX_VALUE use all 32 bits: 2147483648 is 80 00 00 00, 4294967295 is ff ff ff ff")
        void unsignedRange() {
            assertEquals("80 00 00 00", HEX.formatHex(LengthPrefix.encode(2_147_483_648L, ByteOrder.BIG_ENDIAN)));
            assertEquals("ff ff ff ff", HEX.formatHex(LengthPrefix.encode(4_294_967_295L, ByteOrder.BIG_ENDIAN)));
            assertEquals("00 00 00 80", HEX.formatHex(LengthPrefix.encode(2_147_483_648L, ByteOrder.LITTLE_ENDIAN)));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(longs = {-1, 4_294_967_296L, Long.MAX_VALUE})
        @DisplayName("refuses what 4 bytes cannot carry")
        void refusesOutOfRange(long length) {
            assertThrows(IllegalArgumentException.class, () -> LengthPrefix.encode(length, ByteOrder.BIG_ENDIAN),
                    length + " does not fit in 4 unsigned bytes (0 to 4294967295): refuse it"
                            + " rather than send its low 32 bits");
        }
    }

    @Nested
    @DisplayName("decode")
    class Decode {

        @Test
        @DisplayName("reads 00 00 01 02 as 258 big-endian, and 02 01 00 00 as 258 little-endian")
        void bothOrders() {
            assertEquals(258, LengthPrefix.decode(HEX.parseHex("00 00 01 02"), ByteOrder.BIG_ENDIAN));
            assertEquals(258, LengthPrefix.decode(HEX.parseHex("02 01 00 00"), ByteOrder.LITTLE_ENDIAN),
                    "did you set the ByteBuffer's order()?");
        }

        @Test
        @DisplayName("the wrong order reads a huge length: 02 01 00 00 big-endian is 33619968")
        void wrongOrder() {
            assertEquals(33_619_968, LengthPrefix.decode(HEX.parseHex("02 01 00 00"), ByteOrder.BIG_ENDIAN));
        }

        @Test
        @DisplayName("reads unsigned: 80 00 00 00 is 2147483648 and ff ff ff ff is 4294967295, never negative")
        void unsigned() {
            assertEquals(2_147_483_648L, LengthPrefix.decode(HEX.parseHex("80 00 00 00"), ByteOrder.BIG_ENDIAN),
                    "an int read from 80 00 00 00 is negative: Integer.toUnsignedLong gives the real length");
            assertEquals(4_294_967_295L, LengthPrefix.decode(HEX.parseHex("ff ff ff ff"), ByteOrder.BIG_ENDIAN),
                    "ff ff ff ff is -1 as an int, 4294967295 as an unsigned length");
            assertEquals(4_294_967_295L, LengthPrefix.decode(HEX.parseHex("ff ff ff ff"), ByteOrder.LITTLE_ENDIAN));
        }

        @ParameterizedTest(name = "{0} bytes")
        @ValueSource(ints = {0, 3, 5, 8})
        @DisplayName("refuses a header that is not 4 bytes")
        void refusesOtherSizes(int size) {
            assertThrows(IllegalArgumentException.class, () -> LengthPrefix.decode(new byte[size], ByteOrder.BIG_ENDIAN));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(longs = {0, 1, 255, 256, 65_535, 2_147_483_647L, 2_147_483_648L, 4_294_967_295L})
        @DisplayName("gives back what encode wrote, in either order")
        void roundTrip(long length) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
                assertEquals(length, LengthPrefix.decode(LengthPrefix.encode(length, order), order), "in " + order);
            }
        }
    }
}
