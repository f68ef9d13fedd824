package sockets.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A percentile plot of the round trips as SVG: x is the percentile on a "nines" scale (50, 90, 99,
 * 99.9...), y the latency on a log scale, one line per target. The usual way to show tails.
 */
final class LatencyChart {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 480;
    private static final int LEFT = 80;
    private static final int RIGHT = 150;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final List<String> COLOURS = List.of("#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e");

    private LatencyChart() {
    }

    /** "Nines" of a percentile: 0 -> 0, 90 -> 1, 99 -> 2, 99.9 -> 3. */
    static double nines(double percentile) {
        return -Math.log10(1 - Math.min(percentile, 99.9999) / 100);
    }

    static String svg(String title, Map<String, Latency> targets) {
        double maxNines = 1;
        double minUs = Double.MAX_VALUE;
        double maxUs = 1;
        for (Latency latency : targets.values()) {
            for (Latency.Point p : latency.curve()) {
                maxNines = Math.max(maxNines, nines(p.percentile()));
                minUs = Math.min(minUs, Math.max(p.micros(), 0.1));
                maxUs = Math.max(maxUs, p.micros());
            }
        }
        maxNines = Math.ceil(maxNines - 1e-6);
        // Whole decades on the y axis, so the grid lines read 1, 10, 100, 1000 us.
        int lowDecade = (int) Math.floor(Math.log10(minUs == Double.MAX_VALUE ? 1 : minUs));
        int highDecade = Math.max(lowDecade + 1, (int) Math.ceil(Math.log10(maxUs)));
        Scale scale = new Scale(maxNines, lowDecade, highDecade);

        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"28\" font-size=\"16\">%s</text>%n", LEFT, escape(title)));
        for (int decade = lowDecade; decade <= highDecade; decade++) {
            double y = scale.y(Math.pow(10, decade));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    LEFT, y, WIDTH - RIGHT, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    LEFT - 8, y + 4, decadeLabel(decade)));
        }
        // The median gets its own grid line: it sits between 0 % and 90 % on this scale.
        double medianX = scale.x(nines(50));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>%n",
                medianX, TOP, medianX, HEIGHT - BOTTOM));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">50%%</text>%n",
                medianX, HEIGHT - BOTTOM + 18));
        for (int n = 0; n <= maxNines; n++) {
            double x = scale.x(n);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n",
                    x, TOP, x, HEIGHT - BOTTOM));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x, HEIGHT - BOTTOM + 18, percentileLabel(n)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">percentile</text>%n",
                (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 15));
        svg.append(String.format(Locale.ROOT, "<text x=\"18\" y=\"%d\" transform=\"rotate(-90 18 %d)\" "
                + "text-anchor=\"middle\">round trip (microseconds, log scale)</text>%n", (TOP + HEIGHT - BOTTOM) / 2,
                (TOP + HEIGHT - BOTTOM) / 2));
        int index = 0;
        for (Map.Entry<String, Latency> target : targets.entrySet()) {
            String colour = COLOURS.get(index % COLOURS.size());
            StringBuilder points = new StringBuilder();
            for (Latency.Point p : target.getValue().curve()) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", scale.x(nines(p.percentile())),
                        scale.y(Math.max(p.micros(), 0.1))));
            }
            svg.append(String.format(Locale.ROOT, "<polyline data-target=\"%s\" fill=\"none\" stroke=\"%s\" "
                    + "stroke-width=\"2\" points=\"%s\"/>%n", escape(target.getKey()), colour, points.toString().trim()));
            int legendY = TOP + 10 + 22 * index;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                    + "stroke-width=\"3\"/>%n", WIDTH - RIGHT + 15, legendY, WIDTH - RIGHT + 40, legendY, colour));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", WIDTH - RIGHT + 46,
                    legendY + 4, escape(target.getKey())));
            index++;
        }
        return svg.append("</svg>\n").toString();
    }

    /** Maps nines and microseconds to pixels inside the plot area. */
    private record Scale(double maxNines, int lowDecade, int highDecade) {
        double x(double nines) {
            return LEFT + (WIDTH - LEFT - RIGHT) * nines / maxNines;
        }

        double y(double micros) {
            double fraction = (Math.log10(micros) - lowDecade) / (highDecade - lowDecade);
            return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * fraction;
        }
    }

    /** 0 -> "0%", 1 -> "90%", 2 -> "99%", 3 -> "99.9%", 4 -> "99.99%". */
    static String percentileLabel(int nines) {
        return switch (nines) {
            case 0 -> "0%";
            case 1 -> "90%";
            case 2 -> "99%";
            default -> "99." + "9".repeat(nines - 2) + "%";
        };
    }

    private static String decadeLabel(int decade) {
        double value = Math.pow(10, decade);
        return value >= 1 ? String.format(Locale.ROOT, "%,.0f us", value) : String.format(Locale.ROOT, "%s us", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
