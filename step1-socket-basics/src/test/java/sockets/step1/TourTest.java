package sockets.step1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import sockets.testing.Exercise;

class TourTest {
    @Nested
    @Exercise("1.1")
    class One {
        @Test
        void passes() {
            assertEquals(1, Tour.port());
        }
    }

    @Test
    @Exercise("1.2")
    void fails() {
        assertEquals(1, Tour.port(), "port should be 2 - did you bind?");
    }
}
