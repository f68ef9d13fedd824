package sockets.step3.tour;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import sockets.step3.Deadlines;
import sockets.step3.EchoClient;
import sockets.step3.EchoServer;
import sockets.step3.LoopbackPair;
import sockets.step3.framing.LineReader;

/** Where programs hang: a missing flush, a missing half-close, a line that never ends. */
public final class FlushAndCloseDemo {

    static final Duration PATIENCE = Duration.ofMillis(300);

    private FlushAndCloseDemo() {}

    /** A buffered write without flush never leaves the process. */
    public static void forgettingFlush(PrintStream out) throws IOException {
        try (LoopbackPair pair = LoopbackPair.open()) {
            OutputStream buffered = new BufferedOutputStream(pair.client().getOutputStream());
            LineReader reader = new LineReader(pair.server().getInputStream(), 1024);
            // tag::no-flush[]
            buffered.write("are you there?\n".getBytes(StandardCharsets.UTF_8));
            out.println("   client: write(\"are you there?\\n\") into a BufferedOutputStream, no flush()");
            try {
                Deadlines.readLine(pair.server(), reader, PATIENCE);
            } catch (SocketTimeoutException e) {
                out.println("   server: nothing within " + PATIENCE.toMillis() + " ms - the bytes are still in the client's buffer");
            }
            buffered.flush();
            // end::no-flush[]
            out.println("   client: flush()");
            out.println("   server: \"" + Deadlines.readLine(pair.server(), reader, Duration.ofSeconds(2)) + "\"");
        }
    }

    /** The request is complete when the client half-closes; the reply still comes back. */
    public static void halfClose(PrintStream out) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // The server runs beside us; get() below rethrows anything that went wrong there.
            FutureTask<Void> server = new FutureTask<>(() -> {
                EchoServer.serve(listener, 1, new PrintStream(OutputStream.nullOutputStream()));
                return null;
            });
            Thread.ofPlatform().start(server);
            try (Socket socket = new Socket()) {
                socket.connect(listener.getLocalSocketAddress(), 2000);
                socket.setSoTimeout(2000);
                byte[] request = "three\nshort\nlines\n".getBytes(StandardCharsets.UTF_8);
                byte[] reply = EchoClient.exchange(socket, request);
                int after = socket.getInputStream().read();
                server.get(2, TimeUnit.SECONDS); // first: if the server failed, the reply means nothing
                out.println("   client: write(" + request.length + " bytes); shutdownOutput()   - \"that is all from me\"");
                out.println("   server: echoed each chunk as it came; then read() returned -1: the request was"
                        + " complete, so it closed");
                out.println("   client: read the reply until -1: " + reply.length + " bytes; read() again: " + after);
            }
        }
    }

    /** SO_TIMEOUT ends a read that waits for a LF that does not come - and loses nothing. */
    public static void readTimeout(PrintStream out) throws IOException {
        try (LoopbackPair pair = LoopbackPair.open()) {
            OutputStream toServer = pair.client().getOutputStream();
            LineReader reader = new LineReader(pair.server().getInputStream(), 1024);
            toServer.write("no newline yet".getBytes(StandardCharsets.UTF_8));
            out.println("   client: write(\"no newline yet\")   - no LF");
            try {
                Deadlines.readLine(pair.server(), reader, PATIENCE);
            } catch (SocketTimeoutException e) {
                out.println("   server: SocketTimeoutException after SO_TIMEOUT=" + PATIENCE.toMillis()
                        + " ms; the socket is still open");
            }
            toServer.write(", now it ends\n".getBytes(StandardCharsets.UTF_8));
            out.println("   client: write(\", now it ends\\n\")");
            out.println("   server: \"" + Deadlines.readLine(pair.server(), reader, Duration.ofSeconds(2))
                    + "\"   - the reader kept the first part");
        }
    }
}
