package sockets.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The goals of issue 9, each checked against a run's {@link Results}: met, missed, or not measured. */
final class Goals {
    static final int IDLE_CLIENTS_GOAL = 8_000;

    enum Status { MET, MISSED, NOT_MEASURED }

    /** One goal, the figures it was judged on, and the verdict. */
    record Goal(String goal, String measured, Status status) {
    }

    private Goals() {
    }

    static List<Goal> evaluate(Results r) {
        List<Goal> goals = new ArrayList<>();
        goals.add(atMost("chat round-trip p50 <= 3x direct", r.p50(Results.CHAT), r.p50(Results.DIRECT), 3, "p50"));
        goals.add(atMost("chat round-trip p50 <= 0.5x socat", r.p50(Results.CHAT), r.p50(Results.SOCAT), 0.5, "p50"));
        goals.add(atMost("chat round-trip p99 <= 5x direct", r.p99(Results.CHAT), r.p99(Results.DIRECT), 5, "p99"));
        goals.add(throughput(r));
        goals.addAll(idle(r.idle));
        goals.add(isolation(r.isolation.get(Results.CHAT)));
        return goals;
    }

    private static Goal atMost(String goal, Double chat, Double other, double factor, String what) {
        if (chat == null || other == null) {
            return new Goal(goal, "not measured", Status.NOT_MEASURED);
        }
        double ratio = chat / other;
        String measured = String.format(Locale.ROOT, "%s %.1f us vs %.1f us = %.2fx", what, chat, other, ratio);
        return new Goal(goal, measured, ratio <= factor ? Status.MET : Status.MISSED);
    }

    private static Goal throughput(Results r) {
        String goal = "chat throughput >= 1.0x socat";
        Double chat = r.linesPerSecond(Results.CHAT);
        Double socat = r.linesPerSecond(Results.SOCAT);
        if (chat == null || socat == null) {
            return new Goal(goal, "not measured", Status.NOT_MEASURED);
        }
        double ratio = chat / socat;
        String measured = String.format(Locale.ROOT, "%s vs %s lines/s = %.2fx", lines(chat), lines(socat), ratio);
        String problem = r.throughput.get(Results.CHAT).problem();
        if (problem != null) {
            return new Goal(goal, measured + "; " + problem, Status.MISSED);
        }
        return new Goal(goal, measured, ratio >= 1.0 ? Status.MET : Status.MISSED);
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

    /** 5123456.0 -> "5.12 M". */
    static String lines(double perSecond) {
        return perSecond >= 1e6 ? String.format(Locale.ROOT, "%.2f M", perSecond / 1e6)
                : String.format(Locale.ROOT, "%.0f k", perSecond / 1e3);
    }
}
