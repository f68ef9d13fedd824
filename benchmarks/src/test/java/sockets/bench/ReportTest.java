package sockets.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Reports")
class ReportTest {

    @Nested
    @DisplayName("bench.md")
    class Markdown {
        private final Results results = Fixtures.allGoalsMet();
        private final String md = MarkdownReport.render(results, Goals.evaluate(results), "target/bench/latency.svg");

        @Test
        @DisplayName("has one round-trip row per target with p50, p99, p99.9 and max in microseconds")
        void roundTripRows() {
            assertTrue(md.contains("| step 5 | 50,000 | 30.0 | 60.0 | 120 | 240 |"), md);
            assertTrue(md.contains("| ncat | 50,000 | 32.0 | 70.0 | 140 | 280 |"), md);
            assertTrue(md.contains("| direct | 50,000 | 11.0 | 20.0 | 40.0 | 80.0 |"), md);
        }

        @Test
        @DisplayName("shows step 5 against direct, ncat and step 4, and step 4 against direct and socat")
        void ratios() {
            assertTrue(md.contains("| step 5 / direct | 2.73x | 3.00x | 3.00x |"), md);
            assertTrue(md.contains("| step 5 / ncat | 0.94x | 0.86x | 0.86x |"), md);
            assertTrue(md.contains("| step 5 / step 4 | 0.25x | 0.20x | 0.20x |"), md);
            assertTrue(md.contains("| step 4 / socat | 0.80x | 0.75x | 0.75x |"), md);
            assertTrue(md.contains("| ncat | 8.00 M | 1.13x | 0.75x |  |"), md);
        }

        @Test
        @DisplayName("shows TLS's cost: plain and TLS p50 side by side, with their ratio")
        void tlsCost() {
            Results r = Fixtures.allGoalsMet();
            r.tls = new TlsCost.Result(Fixtures.latency(200, 400), Fixtures.latency(3000, 5000), Fixtures.latency(2500, 4000),
                    Fixtures.latency(40, 80), Fixtures.latency(60, 100));
            String tls = MarkdownReport.render(r, Goals.evaluate(r), "latency.svg");
            assertTrue(tls.contains("| connect to welcome (50,000 connections each) | 200 | 3000 | 15.00x | 400 | 5000 |"), tls);
            assertTrue(tls.contains("| TLS handshake alone (TCP connected to TLS finished) | - | 2500 | - | - | 4000 |"), tls);
            assertTrue(tls.contains("| round trip A -> relay -> B -> relay -> A (50,000) | 40.0 | 60.0 | 1.50x | 80.0 | 100 |"), tls);
            assertFalse(md.contains("## TLS"), "no TLS section when TLS was not measured");
        }

        @Test
        @DisplayName("lists the goals with their verdicts and points to the chart")
        void goals() {
            assertTrue(md.contains("| step 4 | throughput >= 1.00 M lines/s | 6.00 M lines/s (1.20x socat's 5.00 M) | met |"), md);
            assertTrue(md.contains("| step 5 | throughput >= ncat's lines/s | 9.00 M lines/s = 1.13x ncat's 8.00 M | met |"), md);
            assertTrue(md.contains("| every stalled client dropped after | 4.5 s | 12.5 s |"), md);
            assertTrue(md.contains("| clients connected (and welcomed) | 19,000 of 19,000 | 8,000 of 8,000 |"), md);
            assertTrue(md.contains("Latency chart: `target/bench/latency.svg`"), md);
        }

        @Test
        @DisplayName("prints why a goal is missed in the goal's row, and no reason for a goal met")
        void whyMissed() {
            Results r = Fixtures.allGoalsMet();
            r.throughput.put(Results.STEP5, new Throughput.Result(4.24e6, null));
            String text = MarkdownReport.render(r, Goals.evaluate(r), "chart.svg");
            assertTrue(text.contains("| step 5 | throughput >= ncat's lines/s | 4.24 M lines/s = 0.53x ncat's 8.00 M;"
                    + " 0.53x the goal's 8.00 M lines/s | **missed** | " + Goals.WHY_STEP5_THROUGHPUT + " |"), text);
            assertFalse(md.contains(Goals.WHY_STEP5_THROUGHPUT), "a goal met needs no reason: " + md);
            assertFalse(md.contains(Goals.WHY_UNKNOWN), md);
        }

        @Test
        @DisplayName("prints a missed goal in bold and leaves out sections that were not run")
        void missedAndSkipped() {
            Results r = new Results();
            r.roundTrip.put(Results.STEP4, Fixtures.latency(300, 600));
            r.roundTrip.put(Results.DIRECT, Fixtures.latency(10, 20));
            r.notes.add("socat not measured: it is not installed");
            String text = MarkdownReport.render(r, Goals.evaluate(r), "chart.svg");
            assertTrue(text.contains("| step 4 | round-trip p50 <= 250 us | p50 300.0 us; 1.20x the goal's 250 us | **missed** | "
                    + Goals.WHY_UNKNOWN + " |"), text);
            assertTrue(text.contains("| step 4 / socat | - | - | - |"), "no socat, no ratio: " + text);
            assertFalse(text.contains("## Throughput"), text);
            assertFalse(text.contains("## Idle clients"), text);
            assertTrue(text.contains("- socat not measured: it is not installed"), text);
        }
    }

    @Nested
    @DisplayName("bench.json")
    class JsonFile {
        @Test
        @DisplayName("escapes quotes, backslashes and control characters, and writes NaN as null")
        void escapes() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("text", "say \"hi\"\\\n\u0001");
            map.put("nan", Double.NaN);
            map.put("list", List.of(1, true));
            map.put("empty", Map.of());
            assertEquals("{\n  \"text\": \"say \\\"hi\\\"\\\\\\n\\u0001\",\n  \"nan\": null,\n"
                    + "  \"list\": [\n    1,\n    true\n  ],\n  \"empty\": {}\n}\n", Json.write(map));
        }

        @Test
        @DisplayName("holds the round trips, the ratios and the goals")
        void content() {
            Results r = Fixtures.allGoalsMet();
            String json = JsonReport.render(r, Goals.evaluate(r));
            assertTrue(json.contains("\"step 5\": {\n      \"count\": 50000,\n      \"p50\": 30.000,"), json);
            assertTrue(json.contains("\"step 4/socat\": {\n      \"p50\": 0.800,"), json);
            assertTrue(json.contains("\"step 5/ncat\": {\n      \"p50\": 0.938,"), json);
            assertTrue(json.contains("\"status\": \"met\""), json);
            assertTrue(json.contains("\"kbPerConnection\": 12.000"), json);
        }
    }

    @Nested
    @DisplayName("latency.svg")
    class Chart {
        private final Map<String, Latency> targets = new LinkedHashMap<>(Fixtures.allGoalsMet().roundTrip);
        private final String svg = LatencyChart.svg("Round trip", targets);

        @Test
        @DisplayName("draws one line per target, with a legend entry each")
        void oneLinePerTarget() {
            for (String target : List.of("step 5", "step 4", "ncat", "socat", "direct")) {
                assertTrue(svg.contains("<polyline data-target=\"" + target + "\""), target + " line missing: " + svg);
                assertTrue(svg.contains(">" + target + "</text>"), target + " legend missing");
            }
            assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
            assertTrue(svg.endsWith("</svg>\n"), svg);
        }

        @Test
        @DisplayName("labels the percentile axis in nines and the latency axis in decades")
        void axes() {
            assertTrue(svg.contains(">99.99%<"), svg);
            assertTrue(svg.contains(">1,000 us<"), svg);
            assertEquals("99.9%", LatencyChart.percentileLabel(3));
            assertEquals(2.0, LatencyChart.nines(99), 1e-9);
        }

        @Test
        @DisplayName("puts a slower target's line higher on the page (smaller y)")
        void slowerIsHigher() {
            assertTrue(firstY("socat") < firstY("direct"), svg);
        }

        private double firstY(String target) {
            int at = svg.indexOf("points=\"", svg.indexOf("data-target=\"" + target + "\"")) + "points=\"".length();
            String first = svg.substring(at, svg.indexOf(' ', at));
            return Double.parseDouble(first.split(",")[1]);
        }
    }
}
