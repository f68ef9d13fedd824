package sockets.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Goals of step 5 (issue 20) and step 4 (issue 16)")
class GoalsTest {

    private static Goals.Goal goal(Results r, String chat, String goalStart) {
        List<Goals.Goal> goals = Goals.evaluate(r);
        return goals.stream().filter(g -> g.chat().equals(chat) && g.goal().startsWith(goalStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + chat + " goal starting with '" + goalStart + "' in " + goals));
    }

    private static Goals.Status status(Results r, String chat, String goalStart) {
        return goal(r, chat, goalStart).status();
    }

    @Test
    @DisplayName("a run that beats every figure meets all thirteen goals: seven of step 5, six of step 4")
    void allMet() {
        List<Goals.Goal> goals = Goals.evaluate(Fixtures.allGoalsMet());
        assertEquals(7, goals.stream().filter(g -> g.chat().equals(Results.STEP5)).count(), goals.toString());
        assertEquals(6, goals.stream().filter(g -> g.chat().equals(Results.STEP4)).count(), goals.toString());
        goals.forEach(g -> assertEquals(Goals.Status.MET, g.status(), g.toString()));
    }

    @Nested
    @DisplayName("step 5 races ncat")
    class Step5 {
        @Test
        @DisplayName("p50 above ncat's misses, and says by how much; equal meets")
        void p50() {
            Results r = Fixtures.allGoalsMet();
            r.roundTrip.put(Results.STEP5, Fixtures.latency(40, 60));
            assertEquals(Goals.Status.MISSED, status(r, Results.STEP5, "round-trip p50"));
            assertEquals("p50 40.0 us = 1.25x ncat's 32.0 us", goal(r, Results.STEP5, "round-trip p50").measured());
            r.roundTrip.put(Results.STEP5, Fixtures.latency(32, 60));
            assertEquals(Goals.Status.MET, status(r, Results.STEP5, "round-trip p50"));
        }

        @Test
        @DisplayName("p99 over 5x direct's misses")
        void p99() {
            Results r = Fixtures.allGoalsMet();
            r.roundTrip.put(Results.STEP5, Fixtures.latency(30, 101));
            assertEquals(Goals.Status.MISSED, status(r, Results.STEP5, "round-trip p99"));
            assertEquals("p99 101.0 us = 5.05x direct's 20.0 us; 1.01x the goal's 100 us",
                    goal(r, Results.STEP5, "round-trip p99").measured());
        }

        @Test
        @DisplayName("throughput below ncat's misses; without ncat it is 'not measured', never met")
        void throughput() {
            Results r = Fixtures.allGoalsMet();
            assertEquals("9.00 M lines/s = 1.13x ncat's 8.00 M", goal(r, Results.STEP5, "throughput").measured());
            r.throughput.put(Results.STEP5, new Throughput.Result(7e6, null));
            assertEquals(Goals.Status.MISSED, status(r, Results.STEP5, "throughput"));
            r.throughput.remove(Results.NCAT);
            r.roundTrip.remove(Results.NCAT);
            assertEquals(Goals.Status.NOT_MEASURED, status(r, Results.STEP5, "throughput"));
            assertEquals(Goals.Status.NOT_MEASURED, status(r, Results.STEP5, "round-trip p50"));
            assertEquals("not measured (ncat)", goal(r, Results.STEP5, "throughput").measured());
        }

        @Test
        @DisplayName("19,000 idle clients at 4.1 KB each miss the 4 KB goal; the extrapolation to a million is shown")
        void memory() {
            Results r = Fixtures.allGoalsMet();
            assertTrue(goal(r, Results.STEP5, "<= 4 KB").measured().contains("x 1 M connections = 2.9 GB"),
                    goal(r, Results.STEP5, "<= 4 KB").measured());
            r.idle.put(Results.STEP5, Fixtures.idle(19_000, 19_000, 60_000, 60_000 + 19_000 * 41 / 10, 5_000));
            assertEquals(Goals.Status.MISSED, status(r, Results.STEP5, "<= 4 KB"));
            assertEquals(Goals.WHY_STEP5_MEMORY, goal(r, Results.STEP5, "<= 4 KB").why(), "step 5's own reason, not step 4's");
        }

        @Test
        @DisplayName("a live room p99 of 10 ms misses; a flood raising the other room's p99 1.5x misses")
        void liveAndIsolation() {
            Results r = Fixtures.allGoalsMet();
            r.idle.put(Results.STEP5, Fixtures.idle(19_000, 19_000, 60_000, 60_000 + 19_000 * 3, 10_000));
            assertEquals(Goals.Status.MISSED, status(r, Results.STEP5, "live room"));
            r.isolation.put(Results.STEP5, new Isolation.Result(Fixtures.latency(30, 60), Fixtures.latency(30, 90), 4e6, null));
            assertEquals(Goals.Status.MISSED, status(r, Results.STEP5, "a flooding room"));
            assertEquals(Goals.WHY_STEP5_ISOLATION, goal(r, Results.STEP5, "a flooding room").why(), "step 5's own reason, not step 4's");
        }
    }

    @Nested
    @DisplayName("step 4 stays usable")
    class Step4 {
        @Test
        @DisplayName("p50 at 251 us misses, at 250 us meets")
        void p50() {
            Results r = Fixtures.allGoalsMet();
            r.roundTrip.put(Results.STEP4, Fixtures.latency(251, 600));
            assertEquals(Goals.Status.MISSED, status(r, Results.STEP4, "round-trip p50"));
            r.roundTrip.put(Results.STEP4, Fixtures.latency(250, 600));
            assertEquals(Goals.Status.MET, status(r, Results.STEP4, "round-trip p50"));
            assertEquals("p50 250.0 us", goal(r, Results.STEP4, "round-trip p50").measured());
        }

        @Test
        @DisplayName("0.99 M lines/s misses; without socat the goal still stands, with no ratio")
        void throughput() {
            Results r = Fixtures.allGoalsMet();
            assertEquals("6.00 M lines/s (1.20x socat's 5.00 M)", goal(r, Results.STEP4, "throughput").measured());
            r.throughput.remove(Results.SOCAT);
            assertEquals(Goals.Status.MET, status(r, Results.STEP4, "throughput"));
            assertEquals("6.00 M lines/s", goal(r, Results.STEP4, "throughput").measured());
            r.throughput.put(Results.STEP4, new Throughput.Result(0.99e6, null));
            assertEquals(Goals.Status.MISSED, status(r, Results.STEP4, "throughput"));
        }

        @Test
        @DisplayName("a chat not measured is 'not measured', never met")
        void notMeasured() {
            Results r = Fixtures.allGoalsMet();
            r.roundTrip.remove(Results.STEP4);
            r.throughput.remove(Results.STEP4);
            assertEquals(Goals.Status.NOT_MEASURED, status(r, Results.STEP4, "round-trip p50"));
            assertEquals(Goals.Status.NOT_MEASURED, status(r, Results.STEP4, "throughput"));
        }

        @Test
        @DisplayName("a relay that dropped the flooding pair misses, however fast it was")
        void droppedClientMisses() {
            Results r = Fixtures.allGoalsMet();
            r.throughput.put(Results.STEP4, new Throughput.Result(9e6, "B's connection was closed by the relay"));
            assertEquals(Goals.Status.MISSED, status(r, Results.STEP4, "throughput"));
            assertTrue(goal(r, Results.STEP4, "throughput").measured().contains("closed by the relay"));
        }

        @Test
        @DisplayName("a flood that doubles the other room's p99 misses")
        void isolationRatio() {
            Results r = Fixtures.allGoalsMet();
            r.isolation.put(Results.STEP4, new Isolation.Result(Fixtures.latency(30, 60), Fixtures.latency(30, 120), 4e6, null));
            assertEquals(Goals.Status.MISSED, status(r, Results.STEP4, "a flooding room"));
        }
    }

    @Nested
    @DisplayName("a missed goal says by how much and why")
    class Why {
        @Test
        @DisplayName("step 5's p99: against the goal's limit, and why - with ncat's own p99 over direct's in this run")
        void p99() {
            Results r = Fixtures.allGoalsMet();
            r.roundTrip.put(Results.STEP5, Fixtures.latency(30, 310));
            r.roundTrip.put(Results.NCAT, Fixtures.latency(32, 360));
            Goals.Goal p99 = goal(r, Results.STEP5, "round-trip p99");
            assertEquals(Goals.Status.MISSED, p99.status());
            assertTrue(p99.measured().endsWith("= 15.50x direct's 20.0 us; 3.10x the goal's 100 us"), p99.measured());
            assertTrue(p99.why().contains("ncat's own p99 is 18.00x direct's in this run"), p99.why());
            assertTrue(p99.why().startsWith("measured (HISTORY.md, "), "a reason says how it is known: " + p99.why());
        }

        @Test
        @DisplayName("throughput short of ncat's: the ratio to the goal, and the likely reason")
        void throughput() {
            Results r = Fixtures.allGoalsMet();
            r.throughput.put(Results.STEP5, new Throughput.Result(4.24e6, null));
            Goals.Goal throughput = goal(r, Results.STEP5, "throughput");
            assertEquals("4.24 M lines/s = 0.53x ncat's 8.00 M; 0.53x the goal's 8.00 M lines/s", throughput.measured());
            assertEquals(Goals.WHY_STEP5_THROUGHPUT, throughput.why());
        }

        @Test
        @DisplayName("step 4's isolation and stalled newcomers carry their own reasons; other goals say they are not analysed")
        void step4() {
            Results r = Fixtures.allGoalsMet();
            assertEquals(Goals.WHY_STEP4_ISOLATION, goal(r, Results.STEP4, "a flooding room").why());
            assertEquals(Goals.WHY_UNKNOWN, goal(r, Results.STEP4, "round-trip p50").why());
            r.stalled.put(Results.STEP4, Fixtures.stalled(1_293_000, 24.0, 0, null));
            assertTrue(goal(r, Results.STEP4, "rooms flooding").measured().endsWith("; 1.29x the goal's 1000 ms"),
                    goal(r, Results.STEP4, "rooms flooding").measured());
            assertEquals(Goals.WHY_STEP4_STALLED, goal(r, Results.STEP4, "rooms flooding").why());
            r.stalled.put(Results.STEP4, Fixtures.stalled(40_000, Double.NaN, 3, null));
            assertEquals(Goals.WHY_UNKNOWN, goal(r, Results.STEP4, "rooms flooding").why(), "the reason is for a late welcome");
        }
    }

    @Nested
    @DisplayName("stalled rooms")
    class Stalled {
        @Test
        @DisplayName("a newcomer who waited 1 s or more misses; so does a stalled client still connected")
        void newcomerAndDrops() {
            Results r = Fixtures.allGoalsMet();
            r.stalled.put(Results.STEP4, Fixtures.stalled(1_000_000, 12.5, 0, null));
            assertEquals(Goals.Status.MISSED, status(r, Results.STEP4, "rooms flooding"));
            r.stalled.put(Results.STEP4, Fixtures.stalled(999_000, 12.5, 0, null));
            assertEquals(Goals.Status.MET, status(r, Results.STEP4, "rooms flooding"));
            r.stalled.put(Results.STEP4, Fixtures.stalled(40_000, Double.NaN, 3, null));
            assertEquals(Goals.Status.MISSED, status(r, Results.STEP4, "rooms flooding"));
            assertTrue(goal(r, Results.STEP4, "rooms flooding").measured().contains("3 stalled clients still connected"));
        }

        @Test
        @DisplayName("not run: 'not measured'")
        void notRun() {
            Results r = Fixtures.allGoalsMet();
            r.stalled.clear();
            assertEquals(Goals.Status.NOT_MEASURED, status(r, Results.STEP5, "rooms flooding"));
            assertEquals(Goals.Status.NOT_MEASURED, status(r, Results.STEP4, "rooms flooding"));
        }
    }

    @Nested
    @DisplayName("idle clients")
    class Idle {
        @Test
        @DisplayName("17 KB per connection misses step 4's 16 KB goal")
        void memory() {
            Results r = Fixtures.allGoalsMet();
            r.idle.put(Results.STEP4, Fixtures.idle(8_000, 8_000, 60_000, 60_000 + 8_000 * 17, 5_000));
            assertEquals(Goals.Status.MISSED, status(r, Results.STEP4, "<= 16 KB"));
        }

        @Test
        @DisplayName("a quick run with fewer clients is 'not measured' rather than met")
        void fewerClients() {
            Results r = Fixtures.allGoalsMet();
            r.idle.put(Results.STEP5, Fixtures.idle(200, 200, 60_000, 60_000 + 200 * 2, 5_000));
            assertEquals(Goals.Status.NOT_MEASURED, status(r, Results.STEP5, "<= 4 KB"));
            assertEquals(Goals.Status.NOT_MEASURED, status(r, Results.STEP5, "live room"));
        }

        @Test
        @DisplayName("clients the server refused make both idle goals missed")
        void refused() {
            Results r = Fixtures.allGoalsMet();
            r.idle.put(Results.STEP4, Fixtures.idle(8_000, 7_000, 60_000, 60_000 + 7_000 * 4, 5_000));
            assertEquals(Goals.Status.MISSED, status(r, Results.STEP4, "<= 16 KB"));
            assertEquals(Goals.Status.MISSED, status(r, Results.STEP4, "live room"));
        }

        @Test
        @DisplayName("a live room p99 of 20 ms or more misses step 4's goal")
        void liveRoom() {
            Results r = Fixtures.allGoalsMet();
            r.idle.put(Results.STEP4, Fixtures.idle(8_000, 8_000, 60_000, 60_000 + 8_000 * 4, 20_000));
            assertEquals(Goals.Status.MISSED, status(r, Results.STEP4, "live room"));
        }
    }
}
