package sockets.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The benchmark's parts")
class PartsTest {

    @Nested
    @DisplayName("Latency summary")
    class LatencySummary {
        @Test
        @DisplayName("turns nanoseconds into microsecond percentiles and a curve up to the last supported nine")
        void percentiles() {
            Histogram nanos = new Histogram(60_000_000_000L, 3);
            for (int micros = 1; micros <= 1000; micros++) {
                nanos.recordValue(micros * 1000L);
            }
            Latency latency = Latency.of(nanos);
            assertEquals(1000, latency.count());
            assertEquals(500, latency.p50Us(), 1);
            assertEquals(990, latency.p99Us(), 1);
            assertEquals(1000, latency.maxUs(), 1);
            List<Latency.Point> curve = latency.curve();
            assertEquals(0, curve.get(0).percentile(), 1e-9);
            assertEquals(99.9, curve.get(curve.size() - 1).percentile(), 1e-6, "1,000 samples support three nines");
        }
    }

    @Nested
    @DisplayName("Command line")
    class CommandLine {
        @Test
        @DisplayName("--quick shrinks the counts; an explicit option still wins")
        void quick() throws Exception {
            BenchOptions o = BenchOptions.parse(List.of("--quick", "--clients", "50"));
            assertTrue(o.quick());
            assertEquals(2_000, o.roundTrips());
            assertEquals(50, o.idleClientsFor(Results.STEP5));
            assertEquals(50, o.idleClientsFor(Results.STEP4));
            assertTrue(o.runs("idle"));
        }

        @Test
        @DisplayName("defaults follow the issues: 100,000 round trips, 19,000 idle clients for step 5 and 8,000 for step 4")
        void defaults() throws Exception {
            BenchOptions o = BenchOptions.parse(List.of());
            assertEquals(100_000, o.roundTrips());
            assertEquals(19_000, o.idleClientsFor(Results.STEP5));
            assertEquals(8_000, o.idleClientsFor(Results.STEP4));
            assertEquals(Path.of("target", "bench"), o.out());
            assertEquals(Path.of("step4-chat-room", "target", "chat.jar"), o.jarOf(Results.STEP4));
            assertEquals(Path.of("step5-selector", "target", "chat.jar"), o.jarOf(Results.STEP5));
        }

        @Test
        @DisplayName("--only picks phases")
        void only() throws Exception {
            BenchOptions o = BenchOptions.parse(List.of("--only", "idle,round-trip"));
            assertTrue(o.runs("idle"));
            assertTrue(o.runs("round-trip"));
            assertFalse(o.runs("throughput"));
        }

        @Test
        @DisplayName("says what is wrong with a bad command line")
        void errors() {
            assertEquals("--clients needs a positive whole number, not 'many'", assertThrows(
                    BenchOptions.UsageException.class, () -> BenchOptions.parse(List.of("--clients", "many"))).getMessage());
            assertEquals("--out needs a value", assertThrows(
                    BenchOptions.UsageException.class, () -> BenchOptions.parse(List.of("--out"))).getMessage());
            assertEquals("unknown option: --fast", assertThrows(
                    BenchOptions.UsageException.class, () -> BenchOptions.parse(List.of("--fast"))).getMessage());
            assertTrue(assertThrows(BenchOptions.UsageException.class,
                    () -> BenchOptions.parse(List.of("--only", "memory"))).getMessage().startsWith("unknown phase 'memory'"));
        }
    }

    @Nested
    @DisplayName("Process memory")
    class Memory {
        @Test
        @DisplayName("reads VmRSS in KB from /proc/PID/status text")
        void parse() {
            String status = "Name:\tjava\nVmPeak:\t 9999 kB\nVmRSS:\t   68432 kB\nThreads:\t20\n";
            assertEquals(68_432, ProcessRss.parseVmRssKb(status));
            assertEquals(-1, ProcessRss.parseVmRssKb("Name:\tjava\n"));
        }

        @Test
        @DisplayName("per connection: the larger of the settled and the after-GC growth")
        void perConnection() {
            IdleClients.Result r = new IdleClients.Result(1000, 1000, 1, 50_000, 60_000, 40_000, 58_000,
                    Fixtures.latency(1, 2), Fixtures.latency(1, 2), null);
            assertEquals(10, r.kbPerConnectionWithoutGc(), 1e-9);
            assertEquals(18, r.kbPerConnectionAfterGc(), 1e-9);
            assertEquals(18, r.kbPerConnection(), 1e-9);
        }
    }

    @Nested
    @DisplayName("Line reader")
    class Lines {
        @Test
        @DisplayName("finds lines split across reads, drops CR, and says null at the end")
        void splitLines() throws IOException {
            LineReader in = new LineReader(new TrickleInputStream("* welcome\r\n<b> hi\nnext\n"));
            assertEquals("* welcome", in.readLine());
            assertTrue(in.skipLine());
            assertEquals("next", in.readLine());
            assertNull(in.readLine());
            assertFalse(in.skipLine());
        }

        @Test
        @DisplayName("hands buffered bytes out first when read raw")
        void rawAfterLines() throws IOException {
            LineReader in = new LineReader(new ByteArrayInputStream("a\nbc".getBytes(StandardCharsets.UTF_8)));
            assertEquals("a", in.readLine());
            byte[] rest = new byte[10];
            assertEquals(2, in.read(rest), "the bytes after the line were already buffered");
            assertEquals("bc", new String(rest, 0, 2, StandardCharsets.UTF_8));
            assertEquals(-1, in.read(rest), "then the stream's end");
        }

        @Test
        @DisplayName("makes 64-byte lines that end in LF")
        void sixtyFourBytes() {
            byte[] line = RoundTrip.line("ping");
            assertEquals(64, line.length);
            assertEquals('\n', line[63]);
            assertTrue(new String(line, StandardCharsets.UTF_8).startsWith("ping "));
        }
    }

    /** Gives out one byte per read, the worst a TCP stream may do. */
    private static final class TrickleInputStream extends InputStream {
        private final byte[] bytes;
        private int next;

        TrickleInputStream(String text) {
            this.bytes = text.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read() {
            return next < bytes.length ? bytes[next++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (next >= bytes.length) {
                return -1;
            }
            b[off] = bytes[next++];
            return 1;
        }
    }
}
