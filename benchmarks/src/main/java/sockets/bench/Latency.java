package sockets.bench;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * What the reports need from a latency histogram, in microseconds: the percentiles of the table
 * and a percentile curve for the chart. A plain record, so reports can be tested without sockets.
 */
record Latency(long count, double p50Us, double p99Us, double p999Us, double maxUs, List<Point> curve) {

    /** One point of a percentile plot: {@code percentile}% of round trips took at most {@code micros}. */
    record Point(double percentile, double micros) {
    }

    /** Summarises a histogram recorded in nanoseconds. */
    static Latency of(Histogram nanos) {
        List<Point> curve = new ArrayList<>();
        // Evenly spaced in "nines" (90, 99, 99.9...), up to the last percentile the count supports.
        double maxNines = Math.log10(Math.max(10, nanos.getTotalCount()));
        for (double nines = 0; nines <= maxNines + 1e-9; nines += 0.1) {
            double percentile = 100 * (1 - Math.pow(10, -nines));
            curve.add(new Point(percentile, micros(nanos, percentile)));
        }
        return new Latency(nanos.getTotalCount(), micros(nanos, 50), micros(nanos, 99), micros(nanos, 99.9),
                nanos.getMaxValue() / 1000.0, List.copyOf(curve));
    }

    private static double micros(Histogram nanos, double percentile) {
        return nanos.getValueAtPercentile(percentile) / 1000.0;
    }
}
