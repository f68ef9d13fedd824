package sockets.step4;

import java.util.List;

/**
 * What the server's operator can do to a chat server: see who is here, speak to one client or to
 * all, kick one out, shut down. {@link OperatorConsole} works through this interface alone, so any
 * server of the chat protocol gets the same console - this step's {@link ChatServer} (a thread per
 * client) and a server on a {@code Selector} alike. Every method may be called from the console's
 * thread while clients come and go; names are matched ignoring case.
 */
public interface ChatControls {

    /**
     * One client in the lobby: its name, where it connects from ({@code ADDR:PORT}), and its
     * partner's name - null while it waits.
     */
    record Connected(String name, String address, String partner) {}

    /**
     * Everyone in the lobby now: each room's two members one after the other, then those who wait,
     * longest first.
     */
    List<Connected> who();

    /** Sends {@code <server> TEXT} to the client called {@code name} only; false if nobody is. */
    boolean message(String name, String text);

    /**
     * Disconnects the client called {@code name}: it gets {@code * kicked by the operator} (with
     * {@code : REASON} unless {@code reason} is blank), then end of stream; its partner is told
     * {@code * NAME left (kicked by the operator)} and waits again. Returns once the client has
     * left the lobby; false if nobody has that name.
     */
    boolean kick(String name, String reason);

    /** Sends {@code <server> TEXT} to every client; returns how many got it. */
    int broadcast(String text);

    /** Shuts down gracefully; false if a shutdown had begun already. */
    boolean shutdown();
}
