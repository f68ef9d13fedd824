package sockets.step3.framing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Not graded: the framing classes' constructors are given code, which no exercise asks to write. */
@DisplayName("The framing classes' limits")
class FramingLimitsTest {

    @Test
    @DisplayName("a line limit below 1 is refused")
    void badLineLimit() {
        assertThrows(IllegalArgumentException.class, () -> new LineReader(new ByteArrayInputStream(new byte[0]), 0));
        assertEquals(7, new LineReader(new ByteArrayInputStream(new byte[0]), 7).maxLineBytes());
    }

    @Test
    @DisplayName("a negative frame maximum is refused")
    void badFrameLimits() {
        assertThrows(IllegalArgumentException.class, () -> new FrameReader(new ByteArrayInputStream(new byte[0]), -1));
        assertThrows(IllegalArgumentException.class, () -> new FrameWriter(new ByteArrayOutputStream(), -1));
    }
}
