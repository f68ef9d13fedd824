package sockets.step3.chat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sockets.step3.framing.LineReader;
import sockets.step3.framing.LineTooLongException;
import sockets.step3.framing.LineWriter;

/**
 * One side of the direct chat: lines typed on the keyboard go to the partner, lines from the
 * partner go to the screen, both at once, until either side leaves. Needs a connected socket;
 * plain UTF-8 lines on the wire, so {@code nc} can be the other side.
 */
public final class Conversation {

    /** The longest line we send or accept, in bytes (as in step 4's chat). */
    public static final int MAX_LINE_BYTES = 4096;
    /** How long we wait, after leaving, for the partner to close its side too. */
    static final Duration GOODBYE_GRACE = Duration.ofSeconds(5);

    private final Socket socket;
    private final String partner;
    private final Duration goodbyeGrace;
    private final PrintStream screen;
    private final LineReader fromPartner;
    private final LineWriter toPartner;
    private final Object sending = new Object();
    private final CountDownLatch partnerClosed = new CountDownLatch(1);
    private boolean outputShut; // guarded by sending
    private volatile boolean userLeft;

    /** {@code partner} names the other side on our screen: {@code <partner> text}. */
    public Conversation(Socket socket, String partner, PrintStream screen) throws IOException {
        this(socket, partner, screen, GOODBYE_GRACE);
    }

    Conversation(Socket socket, String partner, PrintStream screen, Duration goodbyeGrace) throws IOException {
        this.socket = socket;
        this.goodbyeGrace = goodbyeGrace;
        this.partner = partner;
        this.screen = screen;
        this.fromPartner = new LineReader(socket.getInputStream(), MAX_LINE_BYTES);
        // A buffer, as real writers have: it is the flush in LineWriter that sends each line.
        this.toPartner = new LineWriter(new BufferedOutputStream(socket.getOutputStream()));
    }

    /**
     * Runs the conversation: a thread sends what is typed while this one prints what arrives.
     * Returns true when it ended gracefully (both sides closed), false when the connection broke.
     * The socket is closed on return.
     */
    public boolean run(InputStream keyboard) throws IOException {
        // tag::run[]
        // Daemon: a thread blocked reading the keyboard must not keep the program alive.
        Thread.ofPlatform().daemon().name("keyboard").start(() -> typeThenLeave(keyboard));
        boolean graceful = true;
        try {
            receive();
        } catch (IOException e) {
            // Either we closed the socket after the grace period, or the network broke it.
            graceful = socket.isClosed();
            screen.println(graceful ? "* " + partner + " did not close within " + goodbyeGrace.toMillis()
                    + " ms; closing anyway" : "! connection lost: " + e.getMessage());
        } finally {
            partnerClosed.countDown();
        }
        if (!userLeft && graceful) {
            screen.println("* " + partner + " left the chat");
        }
        try {
            leave(); // the partner is gone: stop our side too (does nothing if we already did)
        } catch (IOException brokenAlready) {
            // Nothing to half-close on a broken connection: closing below is all that is left.
        }
        socket.close();
        screen.println("* bye");
        return graceful;
        // end::run[]
    }

    /**
     * Prints each line from the partner as it arrives, as {@code <PARTNER> TEXT} with TEXT made
     * harmless by {@link Terminal#printable}, until the partner closes its side. A line over the
     * limit prints {@code ! PARTNER sent a line over LIMIT bytes; skipped} and reading goes on.
     */
    void receive() throws IOException {
        // tag::solution-3.7[]
        // tag::receive[]
        while (true) {
            String line;
            try {
                line = fromPartner.readLine();
            } catch (LineTooLongException e) {
                screen.println("! " + partner + " sent a line over "
                        + e.limit() + " bytes; skipped");
                continue; // the rest of that line is skipped
            }
            if (line == null) {
                return; // the partner closed its side
            }
            // Never print a peer's raw text: clean it first.
            String text = Terminal.printable(line);
            screen.println("<" + partner + "> " + text);
        }
        // end::receive[]
        // end::solution-3.7[]
    }

    /**
     * Sends each typed line that is not blank until {@code /quit} or end of input; then sets
     * {@code userLeft} (so {@link #run} does not say the partner left) and half-closes with
     * {@link #leave}. A typed line over the limit prints {@code ! line over LIMIT bytes; not sent}
     * on the screen and typing goes on.
     */
    void sendTyped(LineReader keyboard) throws IOException {
        // tag::solution-3.7[]
        // tag::send[]
        while (true) {
            String line;
            try {
                line = keyboard.readLine();
            } catch (LineTooLongException e) {
                screen.println("! line over " + e.limit()
                        + " bytes; not sent");
                continue; // that line is skipped: keep typing
            }
            if (line == null || line.strip().equals("/quit")) {
                break; // the user leaves: Ctrl-D or /quit
            }
            if (!line.isBlank()) {
                send(line);
            }
        }
        userLeft = true;
        // Half-close: the lines sent so far still arrive,
        // then the partner reads -1.
        leave();
        // end::send[]
        // end::solution-3.7[]
    }

    private void typeThenLeave(InputStream keyboard) {
        try {
            sendTyped(new LineReader(keyboard, MAX_LINE_BYTES));
            // A partner that never closes must not keep us here forever.
            if (!partnerClosed.await(goodbyeGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                socket.close();
            }
        } catch (IOException | InterruptedException e) {
            // The connection is gone: receive() on the other thread reports it.
        }
    }

    // tag::one-writer[]
    private void send(String line) throws IOException {
        // One lock for writing and half-closing: never two threads on one stream.
        synchronized (sending) {
            if (outputShut) {
                screen.println("* not sent: " + partner + " has left");
                return;
            }
            toPartner.writeLine(line);
        }
    }

    /** Half-closes our side once: "no more lines from me". We can still read. */
    // tag::leave[]
    private void leave() throws IOException {
        synchronized (sending) {
            if (outputShut || socket.isClosed()) {
                return;
            }
            outputShut = true;
            socket.shutdownOutput();
        }
    }
    // end::leave[]
    // end::one-writer[]
}
