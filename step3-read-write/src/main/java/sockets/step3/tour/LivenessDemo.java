package sockets.step3.tour;

import java.io.IOException;
import java.io.PrintStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import jdk.net.ExtendedSocketOptions;
import sockets.step3.KeepAlive;
import sockets.step3.LoopbackPair;

/** A peer that vanishes sends nothing: keepalive's timers, this system's and ours, and a read deadline. */
public final class LivenessDemo {

    private LivenessDemo() {}

    public static void keepAliveAndDeadline(PrintStream out) throws IOException {
        try (LoopbackPair pair = LoopbackPair.open()) {
            Socket socket = pair.server();
            boolean before = socket.getKeepAlive();
            String systemTimers = timers(socket);
            Duration noticedWithin = KeepAlive.enable(socket, Duration.ofSeconds(10), Duration.ofSeconds(2), 3);
            String ourTimers = timers(socket);
            // The client is alive but silent: only a deadline notices silence.
            socket.setSoTimeout(200);
            String silence;
            try {
                silence = "read() returns " + socket.getInputStream().read() + "?!";
            } catch (SocketTimeoutException e) {
                silence = "SocketTimeoutException; the connection is still open: " + !socket.isClosed();
            }
            out.println("   a fresh socket: SO_KEEPALIVE " + before + "; this system's timers: " + systemTimers);
            out.println("   KeepAlive.enable(socket, 10 s, 2 s, 3): SO_KEEPALIVE " + socket.getKeepAlive()
                    + ", " + ourTimers);
            out.println("   a vanished peer is now noticed within " + noticedWithin.toSeconds()
                    + " s - a hung one never: its kernel answers the probes");
            out.println("   a read deadline notices any silence: SO_TIMEOUT 200 ms -> " + silence);
        }
    }

    /** The three keepalive timers of {@code socket}, in seconds (the JDK's own options, module jdk.net). */
    private static String timers(Socket socket) throws IOException {
        return "first probe after " + socket.getOption(ExtendedSocketOptions.TCP_KEEPIDLE) + " s, then "
                + socket.getOption(ExtendedSocketOptions.TCP_KEEPCOUNT) + " probes "
                + socket.getOption(ExtendedSocketOptions.TCP_KEEPINTERVAL) + " s apart";
    }
}
