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
        md.line("# Benchmark: the course's chat servers vs ncat --broker, socat and a direct loopback connection");
        md.line("");
        r.context.forEach((key, value) -> md.line("- " + key + ": " + value));
        md.roundTrip(r);
        md.throughput(r);
        md.idle(r.idle);
        md.isolation(r.isolation);
        md.stalled(r.stalled);
        md.tls(r.tls);
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
        line("| ratio | p50 | p99 | p99.9 |");
        line("|---|---:|---:|---:|");
        for (List<String> pair : Results.COMPARISONS) {
            String a = pair.get(0);
            String b = pair.get(1);
            line("| " + a + " / " + b + " | " + times(Results.ratio(r.p50(a), r.p50(b)))
                    + " | " + times(Results.ratio(r.p99(a), r.p99(b)))
                    + " | " + times(Results.ratio(r.p999(a), r.p999(b))) + " |");
        }
    }

    private void throughput(Results r) {
        if (r.throughput.isEmpty()) {
            return;
        }
        section("Throughput A -> B (" + RoundTrip.LINE_BYTES + "-byte lines)");
        line("| target | lines/s | step 5 / target | step 4 / target | problem |");
        line("|---|---:|---:|---:|---|");
        r.throughput.forEach((target, t) -> line("| " + target + " | " + Goals.lines(t.linesPerSecond())
                + " | " + times(Results.ratio(r.linesPerSecond(Results.STEP5), t.linesPerSecond()))
                + " | " + times(Results.ratio(r.linesPerSecond(Results.STEP4), t.linesPerSecond()))
                + " | " + (t.problem() == null ? "" : t.problem()) + " |"));
    }

    private void idle(Map<String, IdleClients.Result> idle) {
        if (idle.isEmpty()) {
            return;
        }
        section("Idle clients on the chat servers (held by processes of " + count(IdleClients.PER_PROCESS) + " clients)");
        line("| measure |" + String.join(" |", idle.keySet().stream().map(chat -> " " + chat).toList()) + " |");
        line("|---|" + "---:|".repeat(idle.size()));
        row(idle, "clients connected (and welcomed)", i -> count(i.connected()) + " of " + count(i.requested()));
        row(idle, "time to connect them all", i -> String.format(Locale.ROOT, "%.2f s", i.connectSeconds()));
        row(idle, "server RSS before / after (settled)", i -> mb(i.rssBeforeKb()) + " / " + mb(i.rssAfterKb()));
        row(idle, "server RSS before / after (after GC)", i -> mb(i.rssBeforeGcKb()) + " / " + mb(i.rssAfterGcKb()));
        row(idle, "RSS per connection (settled, no forced GC)", i -> kb(i.kbPerConnectionWithoutGc()));
        row(idle, "RSS per connection (after a forced GC, jcmd GC.run)", i -> kb(i.kbPerConnectionAfterGc()));
        row(idle, "x 1 M connections (the larger of the two)", i -> Double.isNaN(i.kbPerConnection()) ? "-"
                : String.format(Locale.ROOT, "%.1f GB", i.kbPerConnection() * 1e6 / 1024 / 1024));
        row(idle, "live room p50 / p99 while connecting", i -> us(i.liveWhileConnecting().p50Us()) + " / "
                + us(i.liveWhileConnecting().p99Us()) + " us");
        row(idle, "live room p50 / p99 with all connected", i -> us(i.liveWhileHolding().p50Us()) + " / "
                + us(i.liveWhileHolding().p99Us()) + " us");
        if (idle.values().stream().anyMatch(i -> i.problem() != null)) {
            row(idle, "problem", i -> i.problem() == null ? "" : i.problem());
        }
    }

    private <T> void row(Map<String, T> byChat, String measure, java.util.function.Function<T, String> value) {
        StringBuilder row = new StringBuilder("| " + measure + " |");
        byChat.values().forEach(v -> row.append(' ').append(value.apply(v)).append(" |"));
        line(row.toString());
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

    private void stalled(Map<String, StalledRooms.Result> stalled) {
        if (stalled.isEmpty()) {
            return;
        }
        section("Stalled rooms: senders flooding partners that never read (server --stall-timeout "
                + StalledRooms.STALL_SECONDS + ")");
        line("| measure |" + String.join(" |", stalled.keySet().stream().map(chat -> " " + chat).toList()) + " |");
        line("|---|" + "---:|".repeat(stalled.size()));
        row(stalled, "rooms", s -> count(s.rooms()));
        row(stalled, "newcomers' wait for their welcome, p50 / max", s -> us(s.newcomerWelcome().p50Us() / 1000) + " / "
                + us(s.newcomerWelcome().maxUs() / 1000) + " ms");
        row(stalled, "every stalled client dropped after", s -> Double.isNaN(s.allDroppedSeconds()) ? "-"
                : String.format(Locale.ROOT, "%.1f s", s.allDroppedSeconds()));
        row(stalled, "stalled clients still connected at the end", s -> count(s.stillConnected()));
        if (stalled.values().stream().anyMatch(s -> s.problem() != null)) {
            row(stalled, "problem", s -> s.problem() == null ? "" : s.problem());
        }
    }

    private void tls(TlsCost.Result tls) {
        if (tls == null) {
            return;
        }
        section("TLS: what it costs (step 4's chat server, plain vs --tls, microseconds)");
        line("| measure | plain p50 | TLS p50 | TLS / plain | plain p99 | TLS p99 |");
        line("|---|---:|---:|---:|---:|---:|");
        line("| connect to welcome (" + count(tls.tlsWelcome().count()) + " connections each) | "
                + us(tls.plainWelcome().p50Us()) + " | " + us(tls.tlsWelcome().p50Us()) + " | " + times(tls.welcomeRatio())
                + " | " + us(tls.plainWelcome().p99Us()) + " | " + us(tls.tlsWelcome().p99Us()) + " |");
        line("| TLS handshake alone (TCP connected to TLS finished) | - | " + us(tls.handshake().p50Us()) + " | - | - | "
                + us(tls.handshake().p99Us()) + " |");
        line("| round trip A -> relay -> B -> relay -> A (" + count(tls.tlsRoundTrip().count()) + ") | "
                + us(tls.plainRoundTrip().p50Us()) + " | " + us(tls.tlsRoundTrip().p50Us()) + " | "
                + times(tls.roundTripRatio()) + " | " + us(tls.plainRoundTrip().p99Us()) + " | "
                + us(tls.tlsRoundTrip().p99Us()) + " |");
    }

    private void goals(List<Goals.Goal> goals) {
        section("Goals (step 5: issue 20; step 4: issue 16)");
        line("| server | goal | measured | verdict | why, when missed |");
        line("|---|---|---|---|---|");
        for (Goals.Goal g : goals) {
            String verdict = switch (g.status()) {
                case MET -> "met";
                case MISSED -> "**missed**";
                case NOT_MEASURED -> "not measured";
            };
            String why = g.status() == Goals.Status.MISSED ? g.why() : "";
            line("| " + g.chat() + " | " + g.goal() + " | " + g.measured() + " | " + verdict + " | " + why + " |");
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
