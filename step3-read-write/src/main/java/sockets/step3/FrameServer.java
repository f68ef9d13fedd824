package sockets.step3;

import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import sockets.step1.Endpoints;
import sockets.step3.framing.FrameReader;
import sockets.step3.framing.FrameTooLargeException;
import sockets.step3.framing.FrameWriter;

/**
 * A server that speaks length-prefixed frames ({@link FrameReader}, {@link FrameWriter}): it
 * answers each frame with one saying what it got. For peers in other languages - try it with
 * {@code python3 step3-read-write/peers/frames.py 127.0.0.1 7008 hello}.
 */
public final class FrameServer {

    static final String USAGE = "usage: FrameServer [PORT [CLIENTS]]  (default port 7008, 0 = any free port;"
            + " serves CLIENTS clients, default: until stopped)";
    /** The largest frame accepted, in bytes: a wrong byte order shows as a length far above it. */
    static final int MAX_FRAME_BYTES = 64 * 1024;

    private FrameServer() {}

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** The whole program, minus {@code System.exit}: returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        return LoopbackServer.run(args, 7008, USAGE, FrameServer::serve, out, err);
    }

    /** Serves {@code clients} clients, one after another, each until it stops sending frames. */
    public static void serve(ServerSocket listener, int clients, PrintStream log) throws IOException {
        for (int served = 0; served < clients; served++) {
            try (Socket client = listener.accept()) {
                log.println("client " + Endpoints.show(client.getRemoteSocketAddress()) + " connected");
                answer(new FrameReader(client.getInputStream(), MAX_FRAME_BYTES),
                        new FrameWriter(client.getOutputStream(), MAX_FRAME_BYTES), log);
            } catch (FrameTooLargeException e) {
                // After a bad header the stream is out of step: nothing to do but close.
                log.println("client announced a frame of " + e.size() + " bytes, over the limit of " + e.limit()
                        + " - a length in the wrong byte order? closing the connection");
            } catch (EOFException e) {
                log.println("client left inside a frame: " + e.getMessage());
            } catch (IOException e) {
                log.println("client lost: " + e.getMessage());
            }
        }
        // Loop exit: the requested number of clients has been served.
    }

    private static void answer(FrameReader in, FrameWriter out, PrintStream log) throws IOException {
        for (byte[] frame = in.readFrame(); frame != null; frame = in.readFrame()) { // null: the client is done
            String text = new String(frame, StandardCharsets.UTF_8);
            log.println("frame of " + frame.length + " bytes: " + text);
            out.writeFrame(("got " + frame.length + " bytes: " + text).getBytes(StandardCharsets.UTF_8));
        }
        log.println("client done");
    }
}
