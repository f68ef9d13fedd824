package sockets.step3.tour;

import java.io.IOException;
import java.io.PrintStream;
import java.net.NetworkInterface;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import sockets.step3.KeepAlive;
import sockets.step3.LoopbackPair;

/**
 * Keepalive at work: a connection on loopback, then the loopback interface taken down, so the
 * peer vanishes without FIN or RST - and keepalive ends the connection within idle + interval x
 * probes. It takes an interface down, so it runs only in a network namespace of its own (Linux):
 * {@code unshare -rn sh -c 'ip link set lo up && exec ./mvnw -o -q compile exec:java -Dstep=3
 * -Dmain=tour.VanishedPeerDemo'}.
 */
public final class VanishedPeerDemo {

    /** How the peer disappears: here loopback goes down; a test makes it reset instead. */
    @FunctionalInterface
    interface Vanish {
        void vanish(LoopbackPair pair) throws IOException, InterruptedException;
    }

    private VanishedPeerDemo() {}

    public static void main(String[] args) throws Exception {
        run(System.out, NetworkInterface.networkInterfaces().map(NetworkInterface::getName).toList(),
                VanishedPeerDemo::takeLoopbackDown);
    }

    /** The demo, on a machine whose network interfaces are {@code interfaces}. */
    static void run(PrintStream out, List<String> interfaces, Vanish vanish) throws IOException, InterruptedException {
        // Safety first: in a namespace of our own, loopback is the only interface there is.
        if (!interfaces.equals(List.of("lo"))) {
            out.println("error: this demo takes the loopback interface down; run it in a network namespace"
                    + " of its own (interfaces here: " + interfaces + "), see step 3's README");
            return;
        }
        try (LoopbackPair pair = LoopbackPair.open()) {
            Socket client = pair.client();
            Duration within = KeepAlive.enable(client, Duration.ofSeconds(1), Duration.ofSeconds(1), 2);
            out.println("connected; keepalive: first probe after 1 s of silence, then 2 probes 1 s apart");
            vanish.vanish(pair);
            out.println("loopback is down: the server vanished without a word; the client reads, no deadline");
            long start = System.nanoTime();
            String ending;
            try {
                ending = "read() returned " + client.getInputStream().read() + "?!";
            } catch (IOException e) {
                ending = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            long seconds = Math.round((System.nanoTime() - start) / 1e9);
            out.println("after about " + seconds + " s (keepalive promised at most " + within.toSeconds()
                    + " s): " + ending);
        }
    }

    /** The peer vanishes: no FIN, no RST, nothing ever arrives again. */
    private static void takeLoopbackDown(LoopbackPair pair) throws IOException, InterruptedException {
        Process down = new ProcessBuilder("ip", "link", "set", "lo", "down").inheritIO().start();
        if (!down.waitFor(5, TimeUnit.SECONDS) || down.exitValue() != 0) {
            throw new IOException("'ip link set lo down' failed");
        }
    }
}
