package sockets.step1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Not graded: SocketState is given code, which no exercise asks the student to write. */
@DisplayName("SocketState")
class SocketStateTest {

    @Test
    @DisplayName("reads like a sentence")
    void readsLikeASentence() {
        assertEquals("unbound, unconnected, open, local port -1", new SocketState(false, false, false, -1).toString());
        assertEquals("bound, connected, closed, local port 80", new SocketState(true, true, true, 80).toString());
    }
}
