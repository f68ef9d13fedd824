package sockets.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Where and how a run happened - date, machine, JDK, load, options - so figures can be compared later. */
final class RunContext {
    private RunContext() {
    }

    static void describe(Results results, BenchOptions o) {
        results.context.put("date", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME.withLocale(Locale.ROOT)));
        results.context.put("machine", machine());
        results.context.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        results.context.put("client JVM", "Java " + Runtime.version());
        results.context.put("server java", o.java().toString());
        results.context.put("load average at the start", loadAverage());
        results.context.put("options", String.format(Locale.ROOT,
                "%s%,d round trips after %,d warm-up; isolation %,d; throughput window %.1f s; idle clients %,d (step 5)"
                        + " and %,d (step 4); %,d stalled rooms",
                o.quick() ? "QUICK (numbers not meaningful); " : "", o.roundTrips(), o.warmups(),
                o.isolationRoundTrips(), o.throughputMillis() / 1000.0, o.idleClientsFor(Results.STEP5),
                o.idleClientsFor(Results.STEP4), o.stalledRooms()));
    }

    /** "AMD EPYC, 2 cores, 23.5 GB" from /proc where it exists. */
    static String machine() {
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name");
        String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal");
        StringBuilder text = new StringBuilder(cpu == null ? System.getProperty("os.arch") : cpu);
        text.append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores");
        if (memory != null) {
            long kb = Long.parseLong(memory.replace("kB", "").trim());
            text.append(String.format(Locale.ROOT, ", %.1f GB", kb / 1024.0 / 1024.0));
        }
        try {
            text.append(", host ").append(InetAddress.getLocalHost().getHostName());
        } catch (IOException e) {
            // No host name: the rest still says what the machine is.
        }
        return text.toString();
    }

    /** The 1, 5 and 15 minute load averages: other work on the machine makes numbers noisy. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String firstValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // Not Linux: the caller falls back to what the JVM knows.
        }
        return null;
    }
}
