package sockets.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Goals of issue 16")
class GoalsTest {

    private static Goals.Goal goal(Results r, String goalStart) {
        List<Goals.Goal> goals = Goals.evaluate(r);
        return goals.stream().filter(g -> g.goal().startsWith(goalStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no goal starting with '" + goalStart + "' in " + goals));
    }

    private static Goals.Status status(Results r, String goalStart) {
        return goal(r, goalStart).status();
    }

    @Test
    @DisplayName("a run that beats every figure meets all six goals")
    void allMet() {
        List<Goals.Goal> goals = Goals.evaluate(Fixtures.allGoalsMet());
        assertEquals(6, goals.size(), "six goals in the issue: " + goals);
        goals.forEach(g -> assertEquals(Goals.Status.MET, g.status(), g.toString()));
    }

    @Nested
    @DisplayName("round trip and throughput")
    class Speed {
        @Test
        @DisplayName("p50 at 251 us misses, at 250 us meets")
        void p50() {
            Results r = Fixtures.allGoalsMet();
            r.roundTrip.put(Results.CHAT, Fixtures.latency(251, 600));
            assertEquals(Goals.Status.MISSED, status(r, "chat round-trip p50"));
            r.roundTrip.put(Results.CHAT, Fixtures.latency(250, 600));
            assertEquals(Goals.Status.MET, status(r, "chat round-trip p50"));
            assertEquals("p50 250.0 us", goal(r, "chat round-trip p50").measured());
        }

        @Test
        @DisplayName("0.99 M lines/s misses; without socat the goal still stands, with no ratio")
        void throughput() {
            Results r = Fixtures.allGoalsMet();
            assertEquals("6.00 M lines/s (1.20x socat's 5.00 M)", goal(r, "chat throughput").measured());
            r.throughput.remove(Results.SOCAT);
            assertEquals(Goals.Status.MET, status(r, "chat throughput"));
            assertEquals("6.00 M lines/s", goal(r, "chat throughput").measured());
            r.throughput.put(Results.CHAT, new Throughput.Result(0.99e6, null));
            assertEquals(Goals.Status.MISSED, status(r, "chat throughput"));
        }

        @Test
        @DisplayName("a chat not measured is 'not measured', never met")
        void notMeasured() {
            Results r = Fixtures.allGoalsMet();
            r.roundTrip.remove(Results.CHAT);
            r.throughput.remove(Results.CHAT);
            assertEquals(Goals.Status.NOT_MEASURED, status(r, "chat round-trip p50"));
            assertEquals(Goals.Status.NOT_MEASURED, status(r, "chat throughput"));
        }
    }

    @Nested
    @DisplayName("stalled rooms")
    class Stalled {
        @Test
        @DisplayName("a newcomer who waited 1 s or more misses; so does a stalled client still connected")
        void newcomerAndDrops() {
            Results r = Fixtures.allGoalsMet();
            r.stalled = Fixtures.stalled(1_000_000, 12.5, 0, null);
            assertEquals(Goals.Status.MISSED, status(r, "rooms flooding"));
            r.stalled = Fixtures.stalled(999_000, 12.5, 0, null);
            assertEquals(Goals.Status.MET, status(r, "rooms flooding"));
            r.stalled = Fixtures.stalled(40_000, Double.NaN, 3, null);
            assertEquals(Goals.Status.MISSED, status(r, "rooms flooding"));
            assertTrue(goal(r, "rooms flooding").measured().contains("3 stalled clients still connected"));
        }

        @Test
        @DisplayName("not run: 'not measured'")
        void notRun() {
            Results r = Fixtures.allGoalsMet();
            r.stalled = null;
            assertEquals(Goals.Status.NOT_MEASURED, status(r, "rooms flooding"));
        }
    }

    @Nested
    @DisplayName("throughput and isolation")
    class Flooding {
        @Test
        @DisplayName("a relay that dropped the flooding pair misses, however fast it was")
        void droppedClientMisses() {
            Results r = Fixtures.allGoalsMet();
            r.throughput.put(Results.CHAT, new Throughput.Result(9e6, "B's connection was closed by the relay"));
            assertEquals(Goals.Status.MISSED, status(r, "chat throughput"));
            assertTrue(goal(r, "chat throughput").measured().contains("closed by the relay"));
        }

        @Test
        @DisplayName("a flood that doubles the other room's p99 misses")
        void isolationRatio() {
            Results r = Fixtures.allGoalsMet();
            r.isolation.put(Results.CHAT, new Isolation.Result(Fixtures.latency(30, 60), Fixtures.latency(30, 120), 4e6, null));
            assertEquals(Goals.Status.MISSED, status(r, "a flooding room"));
        }
    }

    @Nested
    @DisplayName("idle clients")
    class Idle {
        @Test
        @DisplayName("17 KB per connection misses the 16 KB goal")
        void memory() {
            Results r = Fixtures.allGoalsMet();
            r.idle = Fixtures.idle(8_000, 8_000, 60_000, 60_000 + 8_000 * 17, 5_000);
            assertEquals(Goals.Status.MISSED, status(r, "<= 16 KB"));
        }

        @Test
        @DisplayName("a quick run with fewer clients is 'not measured' rather than met")
        void fewerClients() {
            Results r = Fixtures.allGoalsMet();
            r.idle = Fixtures.idle(200, 200, 60_000, 60_000 + 200 * 4, 5_000);
            assertEquals(Goals.Status.NOT_MEASURED, status(r, "<= 16 KB"));
            assertEquals(Goals.Status.NOT_MEASURED, status(r, "live room"));
        }

        @Test
        @DisplayName("clients the server refused make both idle goals missed")
        void refused() {
            Results r = Fixtures.allGoalsMet();
            r.idle = Fixtures.idle(8_000, 7_000, 60_000, 60_000 + 7_000 * 4, 5_000);
            assertEquals(Goals.Status.MISSED, status(r, "<= 16 KB"));
            assertEquals(Goals.Status.MISSED, status(r, "live room"));
        }

        @Test
        @DisplayName("a live room p99 of 20 ms or more misses")
        void liveRoom() {
            Results r = Fixtures.allGoalsMet();
            r.idle = Fixtures.idle(8_000, 8_000, 60_000, 60_000 + 8_000 * 4, 20_000);
            assertEquals(Goals.Status.MISSED, status(r, "live room"));
        }
    }
}
