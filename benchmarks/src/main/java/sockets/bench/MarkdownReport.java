package sockets.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The run as a Markdown page: printed on the console as it is, and written to {@code bench.md}. */
final class MarkdownReport {
    private final StringBuilder out = new StringBuilder();

    private MarkdownReport() {
    }

    static String render(Results r, List<Goals.Goal> goals, String chartFile) {
        MarkdownReport md = new MarkdownReport();
        md.line("# Benchmark: the chat relay vs socat vs a direct loopback connection");
        md.line("");
        r.context.forEach((key, value) -> md.line("- " + key + ": " + value));
        md.roundTrip(r);
        md.throughput(r);
        md.idle(r.idle);
        md.isolation(r.isolation);
        md.stalled(r.stalled);
        md.goals(goals);
        if (!r.notes.isEmpty()) {
            md.line("");
            md.line("## Notes");
            md.line("");
            r.notes.forEach(note -> md.line("- " + note));
        }
        md.line("");
        md.line("Latency chart: `" + chartFile + "`.");
        return md.out.toString();
    }

    private void roundTrip(Results r) {
        if (r.roundTrip.isEmpty()) {
            return;
        }
        section("Round trip A -> relay -> B -> relay -> A (" + RoundTrip.LINE_BYTES + "-byte lines, microseconds)");
        line("| target | round trips | p50 | p99 | p99.9 | max |");
        line("|---|---:|---:|---:|---:|---:|");
        r.roundTrip.forEach((target, l) -> line("| " + target + " | " + count(l.count()) + " | " + us(l.p50Us())
                + " | " + us(l.p99Us()) + " | " + us(l.p999Us()) + " | " + us(l.maxUs()) + " |"));
        line("");
        line("| chat is ... | p50 | p99 | p99.9 |");
        line("|---|---:|---:|---:|");
        for (String other : List.of(Results.DIRECT, Results.SOCAT)) {
            line("| x " + other + " | " + times(Results.ratio(r.p50(Results.CHAT), r.p50(other)))
                    + " | " + times(Results.ratio(r.p99(Results.CHAT), r.p99(other)))
                    + " | " + times(Results.ratio(r.p999(Results.CHAT), r.p999(other))) + " |");
        }
    }

    private void throughput(Results r) {
        if (r.throughput.isEmpty()) {
            return;
        }
        section("Throughput A -> B (" + RoundTrip.LINE_BYTES + "-byte lines)");
        line("| target | lines/s | chat / target | problem |");
        line("|---|---:|---:|---|");
        r.throughput.forEach((target, t) -> line("| " + target + " | " + Goals.lines(t.linesPerSecond())
                + " | " + times(Results.ratio(r.linesPerSecond(Results.CHAT), t.linesPerSecond()))
                + " | " + (t.problem() == null ? "" : t.problem()) + " |"));
    }

    private void idle(IdleClients.Result idle) {
        if (idle == null) {
            return;
        }
        section("Idle clients on the chat server");
        line("| measure | value |");
        line("|---|---:|");
        line("| clients connected (and welcomed) | " + count(idle.connected()) + " of " + count(idle.requested()) + " |");
        line("| time to connect them all | " + String.format(Locale.ROOT, "%.2f s", idle.connectSeconds()) + " |");
        line("| server RSS before / after (settled) | " + mb(idle.rssBeforeKb()) + " / " + mb(idle.rssAfterKb()) + " |");
        line("| server RSS before / after (after GC) | " + mb(idle.rssBeforeGcKb()) + " / " + mb(idle.rssAfterGcKb()) + " |");
        line("| RSS per connection (settled, no forced GC) | " + kb(idle.kbPerConnectionWithoutGc()) + " |");
        line("| RSS per connection (after a forced GC, jcmd GC.run) | " + kb(idle.kbPerConnectionAfterGc()) + " |");
        line("| live room p50 / p99 while connecting | " + us(idle.liveWhileConnecting().p50Us()) + " / "
                + us(idle.liveWhileConnecting().p99Us()) + " us |");
        line("| live room p50 / p99 with all connected | " + us(idle.liveWhileHolding().p50Us()) + " / "
                + us(idle.liveWhileHolding().p99Us()) + " us |");
        if (idle.problem() != null) {
            line("| problem | " + idle.problem() + " |");
        }
    }

    private void isolation(Map<String, Isolation.Result> isolation) {
        if (isolation.isEmpty()) {
            return;
        }
        section("Isolation: one room's round trip while another room floods (microseconds)");
        line("| target | p50 quiet | p99 quiet | p50 flooded | p99 flooded | p99 flooded / quiet | flood lines/s | problem |");
        line("|---|---:|---:|---:|---:|---:|---:|---|");
        isolation.forEach((target, i) -> line("| " + target + " | " + us(i.quiet().p50Us()) + " | " + us(i.quiet().p99Us())
                + " | " + us(i.flooded().p50Us()) + " | " + us(i.flooded().p99Us()) + " | " + times(i.p99Ratio())
                + " | " + Goals.lines(i.floodLinesPerSecond()) + " | " + (i.problem() == null ? "" : i.problem()) + " |"));
    }

    private void stalled(StalledRooms.Result stalled) {
        if (stalled == null) {
            return;
        }
        section("Stalled rooms: senders flooding partners that never read (server --stall-timeout "
                + StalledRooms.STALL_SECONDS + ")");
        line("| measure | value |");
        line("|---|---:|");
        line("| rooms | " + count(stalled.rooms()) + " |");
        line("| newcomers' wait for their welcome, p50 / max | " + us(stalled.newcomerWelcome().p50Us() / 1000) + " / "
                + us(stalled.newcomerWelcome().maxUs() / 1000) + " ms |");
        line("| every stalled client dropped after | " + (Double.isNaN(stalled.allDroppedSeconds()) ? "-"
                : String.format(Locale.ROOT, "%.1f s", stalled.allDroppedSeconds())) + " |");
        line("| stalled clients still connected at the end | " + count(stalled.stillConnected()) + " |");
        if (stalled.problem() != null) {
            line("| problem | " + stalled.problem() + " |");
        }
    }

    private void goals(List<Goals.Goal> goals) {
        section("Goals (issue 16)");
        line("| goal | measured | verdict |");
        line("|---|---|---|");
        for (Goals.Goal g : goals) {
            String verdict = switch (g.status()) {
                case MET -> "met";
                case MISSED -> "**missed**";
                case NOT_MEASURED -> "not measured";
            };
            line("| " + g.goal() + " | " + g.measured() + " | " + verdict + " |");
        }
    }

    private void section(String title) {
        line("");
        line("## " + title);
        line("");
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    static String us(double micros) {
        return String.format(Locale.ROOT, micros < 100 ? "%.1f" : "%.0f", micros);
    }

    static String times(double ratio) {
        return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2fx", ratio);
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String mb(long kb) {
        return kb < 0 ? "-" : String.format(Locale.ROOT, "%.1f MB", kb / 1024.0);
    }

    private static String kb(double kb) {
        return Double.isNaN(kb) ? "-" : String.format(Locale.ROOT, "%.1f KB", kb);
    }
}
