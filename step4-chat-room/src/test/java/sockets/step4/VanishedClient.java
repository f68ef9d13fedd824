package sockets.step4;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import sockets.testing.LoopbackClient;

/**
 * A client that vanishes without FIN or RST, and the partner it leaves: alice (127.0.0.1) and bob
 * (127.0.0.2) chat, then every packet to 127.0.0.2 is dropped - bob's machine is gone - and we
 * time how long alice waits for {@code * bob left}. It changes the routing table, so
 * {@link VanishedClientTest} runs it in a network namespace of its own (Linux):
 * {@code unshare -rn sh -c 'ip link set lo up && exec java -cp ... sockets.step4.VanishedClient'}.
 */
final class VanishedClient {

    private VanishedClient() {}

    public static void main(String[] args) throws Exception {
        var probes = new KeepAliveProbes(Duration.ofSeconds(1), Duration.ofSeconds(1), 2);
        var settings = new ChatServer.Settings("127.0.0.1", 0, 4096, 10, 0, 15_000, probes);
        var log = new ByteArrayOutputStream();
        try (ChatServer server = ChatServer.start(settings, new PrintStream(log, true, StandardCharsets.UTF_8));
                LoopbackClient alice = LoopbackClient.connect(server.port());
                Socket bob = new Socket()) {
            alice.send("/nick alice");
            alice.expectLine(line -> line.equals("* you are now alice"), "alice's name");
            bob.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0)); // A machine of its own.
            bob.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 5_000);
            bob.getOutputStream().write("/nick bob\n".getBytes(StandardCharsets.UTF_8));
            alice.expectLine(line -> line.equals("* guest-2 is now bob"), "bob's arrival");
            System.out.println("alice and bob chat; keepalive: first probe after 1 s of silence, then 2 probes 1 s apart");
            // Bob vanishes: nothing from the server reaches 127.0.0.2 any more, and bob never answers.
            run("ip", "route", "add", "blackhole", "127.0.0.2/32", "table", "local");
            long start = System.nanoTime();
            String told = alice.expectLine(line -> line.startsWith("* bob left"), "'* bob left' at alice");
            long seconds = Math.round((System.nanoTime() - start) / 1e9);
            System.out.println("bob vanished; after about " + seconds + " s alice reads: " + told);
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(5, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("'" + String.join(" ", command) + "' failed");
        }
    }
}
