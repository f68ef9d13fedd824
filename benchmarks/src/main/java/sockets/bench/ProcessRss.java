package sockets.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A process's resident memory (VmRSS in /proc/PID/status, Linux only), read once it has settled. */
final class ProcessRss {
    private static final long POLL_MILLIS = 200;
    private static final long SETTLE_LIMIT_MILLIS = 10_000;

    private ProcessRss() {
    }

    /** The VmRSS figure of a /proc/PID/status text, in KB; -1 when absent. */
    static long parseVmRssKb(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").trim());
            }
        }
        return -1;
    }

    /** The current VmRSS in KB, or -1 when /proc is not there (not Linux). */
    static long currentKb(long pid) {
        try {
            return parseVmRssKb(Files.readString(Path.of("/proc", Long.toString(pid), "status"),
                    StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * VmRSS once three readings 200 ms apart agree within 1 %: connections just accepted may still
     * be settling in. Gives up after 10 s and returns the last reading.
     */
    static long settledKb(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_LIMIT_MILLIS);
        long previous = currentKb(pid);
        int stableReadings = 0;
        while (System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS); // a sampling interval: RSS has no event to wait on
            long now = currentKb(pid);
            stableReadings = Math.abs(now - previous) <= now / 100 ? stableReadings + 1 : 0;
            previous = now;
            if (stableReadings >= 2) {
                return now; // three readings in a row agree
            }
        }
        return previous; // still moving after the limit: the last reading is the best we have
    }

    /**
     * Asks the JVM to collect garbage ({@code jcmd PID GC.run}, the JDK's own tool), so what is left
     * is memory the server really holds. False when jcmd is missing or fails.
     */
    static boolean collectGarbage(Path jcmd, long pid, PrintStream log) throws InterruptedException {
        if (!Files.isExecutable(jcmd)) {
            return false;
        }
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run")
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            log.print("jcmd: " + output);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            log.println("jcmd failed: " + e.getMessage());
            return false;
        }
    }
}
