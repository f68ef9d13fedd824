package sockets.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A process of its own that holds idle chat clients for {@link IdleClients}: one process may
 * open 20,000 descriptors here and no more (the hard limit), so 19,000 clients are spread over
 * several of these. Usage: {@code IdleHolder HOST PORT SOURCE COUNT} - connects COUNT clients
 * from the source address SOURCE (127.0.0.2, ...: ports of its own), each welcomed by the
 * server; prints {@code held N}, or {@code failed: ...}; then holds them until its stdin ends.
 */
public final class IdleHolder {
    static final String HELD = "held ";
    static final String FAILED = "failed: ";

    private IdleHolder() {
    }

    public static void main(String[] args) throws IOException {
        InetSocketAddress server = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
        String source = args[2];
        int count = Integer.parseInt(args[3]);
        List<Socket> held = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                Socket socket = new Socket();
                held.add(socket);
                socket.bind(new InetSocketAddress(source, 0));
                socket.connect(server, Pair.TIMEOUT_MILLIS);
                socket.setSoTimeout(Pair.TIMEOUT_MILLIS);
                String first = firstLine(socket.getInputStream());
                if (!first.startsWith("* ")) {
                    throw new IOException("client " + (i + 1) + " got '" + first + "' instead of a `* ` welcome");
                }
            }
            System.out.println(HELD + held.size());
        } catch (IOException e) {
            System.out.println(FAILED + "client " + held.size() + " of " + count + ": " + e.getMessage());
        }
        System.out.flush();
        // Hold them until the benchmark is done with them: it closes our stdin.
        while (System.in.read() >= 0) {
            // nothing to do but wait
        }
        for (Socket socket : held) {
            Pair.closeQuietly(socket);
        }
    }

    /** The first line, read into a small buffer: thousands of clients must not each get 64 KB. */
    static String firstLine(InputStream in) throws IOException {
        byte[] buffer = new byte[512];
        int length = 0;
        while (length < buffer.length) {
            int n = in.read(buffer, length, buffer.length - length);
            if (n < 0) {
                break; // the server closed the connection
            }
            for (int i = length; i < length + n; i++) {
                if (buffer[i] == '\n') {
                    return new String(buffer, 0, i, StandardCharsets.UTF_8); // a whole line
                }
            }
            length += n;
        }
        return new String(buffer, 0, length, StandardCharsets.UTF_8);
    }
}
