package sockets.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * How many file descriptors this JVM holds open. Every socket holds one until it is closed, so a
 * count that grows with each failed call shows a socket nobody closed (Linux and macOS only).
 */
public final class OpenDescriptors {

    private OpenDescriptors() {}

    /** Open descriptors now; the test is skipped (not passed) where they cannot be counted. */
    public static long count() {
        OperatingSystemMXBean system = ManagementFactory.getOperatingSystemMXBean();
        assumeTrue(system instanceof UnixOperatingSystemMXBean, "counting descriptors needs Linux or macOS");
        return ((UnixOperatingSystemMXBean) system).getOpenFileDescriptorCount();
    }
}
