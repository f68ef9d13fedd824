package sockets.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Goals of issue 9")
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
    @DisplayName("a run that beats every figure meets all seven goals")
    void allMet() {
        List<Goals.Goal> goals = Goals.evaluate(Fixtures.allGoalsMet());
        assertEquals(7, goals.size(), "seven goals in the issue: " + goals);
        goals.forEach(g -> assertEquals(Goals.Status.MET, g.status(), g.toString()));
    }

    @Nested
    @DisplayName("round trip")
    class RoundTripGoals {
        @Test
        @DisplayName("p50 at 3.1x direct misses, at 2.9x meets")
        void threeTimesDirect() {
            Results r = Fixtures.allGoalsMet();
            r.roundTrip.put(Results.CHAT, Fixtures.latency(11 * 3.1, 60));
            assertEquals(Goals.Status.MISSED, status(r, "chat round-trip p50 <= 3x direct"));
            r.roundTrip.put(Results.CHAT, Fixtures.latency(11 * 2.9, 60));
            assertEquals(Goals.Status.MET, status(r, "chat round-trip p50 <= 3x direct"));
        }

        @Test
        @DisplayName("without socat the socat goals are 'not measured', never met")
        void noSocat() {
            Results r = Fixtures.allGoalsMet();
            r.roundTrip.remove(Results.SOCAT);
            r.throughput.remove(Results.SOCAT);
            assertEquals(Goals.Status.NOT_MEASURED, status(r, "chat round-trip p50 <= 0.5x socat"));
            assertEquals(Goals.Status.NOT_MEASURED, status(r, "chat throughput"));
        }

        @Test
        @DisplayName("the measured text shows both figures and the ratio")
        void measuredText() {
            Goals.Goal goal = Goals.evaluate(Fixtures.allGoalsMet()).get(0);
            assertEquals("p50 30.0 us vs 11.0 us = 2.73x", goal.measured());
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
