package sockets.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The goals of issue 16 for step 4's chat, each checked against a run's {@link Results}: met,
 * missed, or not measured. Speed is not the step's aim, but it must stay usable; what matters is
 * memory, isolation and surviving clients that never read.
 */
final class Goals {
    static final int IDLE_CLIENTS_GOAL = 8_000;

    enum Status { MET, MISSED, NOT_MEASURED }

    /** One goal, the figures it was judged on, and the verdict. */
    record Goal(String goal, String measured, Status status) {
    }

    private Goals() {
    }

    static final double P50_GOAL_US = 250;
    static final double LINES_PER_SECOND_GOAL = 1e6;
    static final double NEWCOMER_GOAL_MS = 1000;

    static List<Goal> evaluate(Results r) {
        List<Goal> goals = new ArrayList<>();
        goals.add(roundTrip(r.p50(Results.CHAT)));
        goals.add(throughput(r));
        goals.addAll(idle(r.idle));
        goals.add(isolation(r.isolation.get(Results.CHAT)));
        goals.add(stalled(r.stalled));
        return goals;
    }

    private static Goal roundTrip(Double p50) {
        String goal = String.format(Locale.ROOT, "chat round-trip p50 <= %.0f us", P50_GOAL_US);
        if (p50 == null) {
            return new Goal(goal, "not measured", Status.NOT_MEASURED);
        }
        return new Goal(goal, String.format(Locale.ROOT, "p50 %.1f us", p50), p50 <= P50_GOAL_US ? Status.MET : Status.MISSED);
    }

    private static Goal throughput(Results r) {
        String goal = "chat throughput >= " + lines(LINES_PER_SECOND_GOAL) + " lines/s";
        Double chat = r.linesPerSecond(Results.CHAT);
        if (chat == null) {
            return new Goal(goal, "not measured", Status.NOT_MEASURED);
        }
        Double socat = r.linesPerSecond(Results.SOCAT);
        String measured = lines(chat) + " lines/s" + (socat == null ? ""
                : String.format(Locale.ROOT, " (%.2fx socat's %s)", chat / socat, lines(socat)));
        String problem = r.throughput.get(Results.CHAT).problem();
        if (problem != null) {
            return new Goal(goal, measured + "; " + problem, Status.MISSED);
        }
        return new Goal(goal, measured, chat >= LINES_PER_SECOND_GOAL ? Status.MET : Status.MISSED);
    }

    private static List<Goal> idle(IdleClients.Result idle) {
        String memory = "<= 16 KB server RSS per idle connection at " + String.format(Locale.ROOT, "%,d", IDLE_CLIENTS_GOAL) + " clients";
        String live = "live room p99 < 20 ms meanwhile";
        if (idle == null) {
            return List.of(new Goal(memory, "not measured", Status.NOT_MEASURED),
                    new Goal(live, "not measured", Status.NOT_MEASURED));
        }
        boolean allIn = idle.connected() == idle.requested() && idle.problem() == null;
        String scale = idle.requested() < IDLE_CLIENTS_GOAL
                ? String.format(Locale.ROOT, " (only %,d clients in this run)", idle.requested()) : "";
        String shortfall = allIn ? "" : String.format(Locale.ROOT, "; only %,d of %,d connected", idle.connected(), idle.requested());
        double kb = idle.kbPerConnection();
        Status memoryStatus = !allIn || Double.isNaN(kb) ? Status.MISSED
                : idle.requested() < IDLE_CLIENTS_GOAL ? Status.NOT_MEASURED
                : kb <= 16 ? Status.MET : Status.MISSED;
        Goal memoryGoal = new Goal(memory,
                String.format(Locale.ROOT, "%.1f KB per connection (the larger of with and without a forced GC)", kb) + scale + shortfall, memoryStatus);
        double p99 = Math.max(idle.liveWhileConnecting().p99Us(), idle.liveWhileHolding().p99Us());
        Status liveStatus = !allIn ? Status.MISSED
                : idle.requested() < IDLE_CLIENTS_GOAL ? Status.NOT_MEASURED
                : p99 < 20_000 ? Status.MET : Status.MISSED;
        Goal liveGoal = new Goal(live, String.format(Locale.ROOT, "p99 %.2f ms", p99 / 1000) + scale + shortfall, liveStatus);
        return List.of(memoryGoal, liveGoal);
    }

    private static Goal isolation(Isolation.Result chat) {
        String goal = "a flooding room raises another room's p99 by < 2x";
        if (chat == null) {
            return new Goal(goal, "not measured", Status.NOT_MEASURED);
        }
        String measured = String.format(Locale.ROOT, "p99 %.1f us quiet, %.1f us flooded = %.2fx",
                chat.quiet().p99Us(), chat.flooded().p99Us(), chat.p99Ratio());
        if (chat.problem() != null) {
            return new Goal(goal, measured + "; flood: " + chat.problem(), Status.MISSED);
        }
        return new Goal(goal, measured, chat.p99Ratio() < 2 ? Status.MET : Status.MISSED);
    }

    private static Goal stalled(StalledRooms.Result stalled) {
        String goal = "rooms flooding partners that never read: a newcomer welcomed within 1 s, every stalled client dropped";
        if (stalled == null) {
            return new Goal(goal, "not measured", Status.NOT_MEASURED);
        }
        double maxMs = stalled.newcomerWelcome().maxUs() / 1000;
        String measured = String.format(Locale.ROOT, "%,d rooms: newcomers welcomed within %.0f ms; ", stalled.rooms(), maxMs)
                + (Double.isNaN(stalled.allDroppedSeconds())
                        ? String.format(Locale.ROOT, "%,d stalled clients still connected", stalled.stillConnected())
                        : String.format(Locale.ROOT, "all dropped after %.1f s", stalled.allDroppedSeconds()))
                + (stalled.problem() == null ? "" : "; " + stalled.problem());
        boolean met = stalled.problem() == null && maxMs < NEWCOMER_GOAL_MS && !Double.isNaN(stalled.allDroppedSeconds());
        return new Goal(goal, measured, met ? Status.MET : Status.MISSED);
    }

    /** 5123456.0 -> "5.12 M". */
    static String lines(double perSecond) {
        return perSecond >= 1e6 ? String.format(Locale.ROOT, "%.2f M", perSecond / 1e6)
                : String.format(Locale.ROOT, "%.0f k", perSecond / 1e3);
    }
}
