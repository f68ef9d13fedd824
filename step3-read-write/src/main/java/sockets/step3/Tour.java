package sockets.step3;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import sockets.step1.tour.TourScript;
import sockets.step3.tour.ByteOrderDemo;
import sockets.step3.tour.ByteStreamDemo;
import sockets.step3.tour.ChatDemo;
import sockets.step3.tour.EndingsDemo;
import sockets.step3.tour.FlushAndCloseDemo;
import sockets.step3.tour.FramingDemo;
import sockets.step3.tour.LivenessDemo;
import sockets.step3.tour.NagleDemo;
import sockets.step3.tour.TwoWritersDemo;

/**
 * The step's tour: each pitfall of reading and writing a TCP stream shown on loopback, then the
 * direct two-party chat with scripted users. Needs nothing else running; ends by itself.
 */
public final class Tour {

    private Tour() {}

    public static void main(String[] args) {
        PrintStream out = System.out;
        TourScript tour = TourScript.begin("Step 3 - bytes over a stream");
        tour.phase(1, "read() and write(): an echo server", () -> echo(out));
        tour.phase(2, "TCP is a byte stream: two writes, one read", () -> ByteStreamDemo.twoWritesOneRead(out));
        tour.phase(3, "...and one message, many reads", () -> ByteStreamDemo.oneMessageManyReads(out));
        tour.phase(4, "A UTF-8 character split across reads", () -> ByteStreamDemo.utf8SplitAcrossReads(out));
        tour.phase(5, "Framing with lines: LineWriter and a bounded LineReader", () -> FramingDemo.boundedLines(out));
        tour.phase(6, "Framing with a length prefix: FrameWriter and FrameReader",
                () -> FramingDemo.lengthPrefixedFrames(out));
        tour.phase(7, "Forgetting flush()", () -> FlushAndCloseDemo.forgettingFlush(out));
        tour.phase(8, "EOF and half-close: shutdownOutput(), then read the reply", () -> FlushAndCloseDemo.halfClose(out));
        tour.phase(9, "SO_TIMEOUT on a read that never gets its newline", () -> FlushAndCloseDemo.readTimeout(out));
        tour.phase(10, "Nagle vs TCP_NODELAY (measured here, on loopback)", () -> NagleDemo.compare(out, 10));
        tour.phase(11, "Never two threads writing one stream", () -> TwoWritersDemo.compare(out));
        tour.phase(12, "The direct chat: two users, one connection, both typing",
                () -> ChatDemo.scriptedConversation(out));
        tour.phase(13, "Byte order: the same four bytes, two numbers", () -> ByteOrderDemo.twoOrders(out));
        tour.phase(14, "Abnormal endings: FIN or RST, \"Connection reset\" and \"Broken pipe\"",
                () -> EndingsDemo.finOrRst(out));
        tour.phase(15, "Liveness: a peer that vanishes sends nothing at all", () -> LivenessDemo.keepAliveAndDeadline(out));
        tour.end("Run the chat yourself in two terminals: see README.md, \"Run it\".");
    }

    /** Phase 1: the {@link EchoServer} serves one client, who sends a line and reads it back. */
    private static void echo(PrintStream out) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            PrintStream serverLog = new PrintStream(OutputStream.nullOutputStream());
            // The server runs beside us; get() below rethrows anything that went wrong there.
            FutureTask<Void> server = new FutureTask<>(() -> {
                EchoServer.serve(listener, 1, serverLog);
                return null;
            });
            Thread.ofPlatform().start(server);
            byte[] hello = "hello, echo\n".getBytes(StandardCharsets.UTF_8);
            byte[] back;
            try (Socket socket = new Socket()) {
                socket.connect(listener.getLocalSocketAddress(), 2000);
                socket.setSoTimeout(2000);
                socket.getOutputStream().write(hello);
                back = socket.getInputStream().readNBytes(hello.length);
            }
            server.get(2, TimeUnit.SECONDS); // first: if the server failed, what came back means nothing
            out.println("   client: write(" + hello.length + " bytes)   server: read() -> write() -> flush()");
            out.println("   client: read " + back.length + " bytes back: " + new String(back, StandardCharsets.UTF_8).strip());
        }
    }
}
