package sockets.step3.tour;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.time.Duration;
import sockets.step3.GracefulClose;
import sockets.step3.LoopbackPair;

/**
 * How a connection ends: a FIN (the peer reads -1) or a RST (its next read or write fails) - and
 * the RST that {@code close()} sends when input was left unread, which loses the end of a reply.
 */
public final class EndingsDemo {

    /** A reply larger than the client's receive buffer: part of it is still ours to send at close(). */
    private static final int REPLY_BYTES = 64 * 1024;

    private EndingsDemo() {}

    public static void finOrRst(PrintStream out) throws IOException {
        // 1. A normal end: FIN. The other side reads -1; its writes then draw a RST: "Broken pipe".
        String afterFin;
        String writeAfterFin;
        try (LoopbackPair pair = LoopbackPair.open()) {
            pair.client().setSoTimeout(2000);
            pair.server().close();
            afterFin = "read() -> " + pair.client().getInputStream().read();
            writeAfterFin = writeUntilItFails(pair.client());
        }
        // 2. An abort: SO_LINGER 0, then close() sends RST instead of FIN.
        String afterRst;
        try (LoopbackPair pair = LoopbackPair.open()) {
            pair.client().setSoTimeout(2000);
            pair.server().setSoLinger(true, 0);
            pair.server().close();
            afterRst = readOutcome(pair.client().getInputStream());
        }
        // 3. close() with unread input, and then the same with a graceful close.
        String plain = replyThenClose(false);
        String graceful = replyThenClose(true);
        out.println("   server: close()               client: " + afterFin + " (FIN: a normal end)");
        out.println("   client writes on              " + writeAfterFin);
        out.println("   server: SO_LINGER 0, close()  client: read() -> " + afterRst + " (RST: an abort)");
        out.println("   server: a " + REPLY_BYTES + "-byte reply, then close() with the client's request unread");
        out.println("                                 client: " + plain);
        out.println("   the same, ended with GracefulClose.close (shutdownOutput, drain, close)");
        out.println("                                 client: " + graceful);
    }

    /** Writes a byte at a time until a write fails; says how the first write went and how the last failed. */
    private static String writeUntilItFails(Socket socket) throws IOException {
        OutputStream toPeer = socket.getOutputStream();
        toPeer.write('1'); // accepted: only now does the peer's kernel answer, with RST
        long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < end) { // exit: the peer's RST has arrived (microseconds on loopback)
            try {
                toPeer.write('.');
            } catch (IOException e) {
                return "write 1 accepted - the server's kernel answers it with RST\n"
                        + "                                 a later write: " + show(e);
            }
        }
        return "every write accepted?!";
    }

    /**
     * The server sends a reply larger than the client's receive buffer while a request it never
     * read waits in its kernel, then closes - plainly, or gracefully. The client reads only after.
     */
    private static String replyThenClose(boolean graceful) throws IOException {
        try (LoopbackPair pair = LoopbackPair.open(4096)) {
            pair.client().getOutputStream().write("a request the server never reads\n".getBytes());
            awaitArrival(pair.server());
            pair.server().setSendBufferSize(256 * 1024);
            pair.server().getOutputStream().write(new byte[REPLY_BYTES]);
            if (graceful) {
                // The client reads nothing until we are done: the drain ends at its deadline.
                GracefulClose.close(pair.server(), Duration.ofMillis(300));
            } else {
                pair.server().close();
            }
            pair.client().setSoTimeout(2000);
            InputStream in = pair.client().getInputStream();
            byte[] buffer = new byte[8192];
            long received = 0;
            try {
                for (int count = in.read(buffer); count != -1; count = in.read(buffer)) {
                    received += count;
                }
            } catch (IOException reset) {
                return (received < REPLY_BYTES ? "got part of it" : "got all of it") + ", then " + show(reset);
            }
            return "got " + (received == REPLY_BYTES ? "all " : "only ") + received + " bytes, then -1";
        }
    }

    private static String readOutcome(InputStream in) {
        try {
            return "returns " + in.read() + "?!";
        } catch (IOException e) {
            return show(e);
        }
    }

    /** {@code SocketException: Broken pipe}: the exception's simple name and the system's words. */
    private static String show(IOException e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** Waits (bounded) until the client's request is in the server's kernel, unread. */
    private static void awaitArrival(Socket socket) throws IOException {
        long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (socket.getInputStream().available() == 0 && System.nanoTime() < end) {
            Thread.onSpinWait(); // exit: the bytes arrived (microseconds on loopback), or 2 s
        }
    }
}
