package sockets.step4.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.CapturedOutput;

/**
 * Ungraded: the tour's measurement of idle clients (phases 3 and 4) counts what it says it counts.
 * Run here in the test's JVM, with a few clients; the tour runs it in a JVM of its own.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@DisplayName("The tour's idle-clients measurement")
class IdleClientsTest {

    @Test
    @DisplayName("200 idle clients on platform threads: at least 200 more platform threads while they are connected")
    void platformThreadsCounted() throws Exception {
        IdleClients.Cost cost = IdleClients.measure(200, Thread.ofPlatform());
        assertTrue(cost.threadsWith() - cost.threadsBefore() >= 200,
                "one platform thread per client: " + cost.threadsBefore() + " before, " + cost.threadsWith() + " with");
    }

    @Test
    @DisplayName("on virtual threads: a few platform threads at most, whatever the number of clients")
    void virtualThreadsCounted() throws Exception {
        IdleClients.Cost cost = IdleClients.measure(200, Thread.ofVirtual());
        assertTrue(cost.threadsWith() - cost.threadsBefore() < 50,
                "virtual threads run on a few carriers: " + cost.threadsBefore() + " before, " + cost.threadsWith() + " with");
    }

    @Test
    @DisplayName("in a JVM of its own, it prints its three figures for the tour to read")
    void childJvm() throws Exception {
        IdleClients.Cost cost = IdleClients.inChildJvm(100, true);
        assertTrue(cost.threadsBefore() > 0 && cost.threadsWith() >= cost.threadsBefore(), cost.toString());
        String printed = CapturedOutput.of(() -> IdleClients.main(new String[] {"virtual", "20"})).strip();
        assertTrue(printed.matches("\\d+ \\d+ -?\\d+"), "three numbers: " + printed);
        assertEquals(3, printed.split(" ").length);
    }
}
