package sockets.step5;

import static sockets.step1.tour.TourScript.say;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A plain blocking client for the tour (like nc): lines in and out, each read waiting at most 5 s. */
final class TourClient implements Closeable {

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    TourClient(int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
        socket.setSoTimeout(5_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
    }

    String readLine() throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new IOException("the server closed the connection");
        }
        return line;
    }

    /**
     * An idle client as cheap as a client gets: a bare socket that has read its welcome (into a
     * small buffer: no reader of 8 KB each) and will say nothing more.
     */
    static Socket idle(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
        socket.setSoTimeout(5_000);
        byte[] buffer = new byte[256];
        int length = 0;
        while (length == 0 || buffer[length - 1] != '\n') {
            int n = socket.getInputStream().read(buffer, length, 1); // up to the welcome's LF, no further
            if (n < 0 || length == buffer.length - 1) {
                socket.close();
                throw new IOException("no welcome from the server");
            }
            length += n;
        }
        if (!new String(buffer, 0, length, StandardCharsets.UTF_8).startsWith("* welcome")) {
            socket.close();
            throw new IOException("the server answered '" + new String(buffer, 0, length, StandardCharsets.UTF_8).strip()
                    + "' instead of a welcome");
        }
        return socket;
    }

    /** Reads lines until one contains {@code text}. */
    void readUntil(String text) throws IOException {
        while (!readLine().contains(text)) {
            // a notice before it
        }
    }

    /** Reads {@code count} lines and shows them as {@code name | line}. */
    void show(String name, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            say("%-5s | %s", name, readLine());
        }
    }

    void send(String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Sends {@code count} numbered 100-byte lines, a thousand per write; stops quietly if closed. */
    void sendLines(int count) {
        try {
            StringBuilder batch = new StringBuilder();
            for (int i = 0; i < count; i++) {
                batch.append(String.format("line %07d ", i)).append("x".repeat(86)).append('\n');
                if ((i + 1) % 1000 == 0 || i == count - 1) {
                    out.write(batch.toString().getBytes(StandardCharsets.US_ASCII));
                    batch.setLength(0);
                }
            }
        } catch (IOException e) {
            // Closed under us: the tour is over.
        }
    }

    /** Reads {@code count} messages; how many of them were in order. */
    int countLines(int count) throws IOException {
        int inOrder = 0;
        for (int i = 0; i < count; i++) {
            if (readLine().contains(String.format("line %07d ", i))) {
                inOrder++;
            }
        }
        return inOrder;
    }

    /** Waits for the end of the stream (the server half-closed or closed). */
    void expectEnd() throws IOException {
        String line = in.readLine();
        if (line != null) {
            throw new IOException("expected the end of the stream, got '" + line + "'");
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Once this client waits for a partner, connects the one that will be its partner. */
    TourClient waitingThenPartner(int port) throws IOException {
        readUntil("waiting for a partner");
        return new TourClient(port);
    }
}
