package sockets.step3;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Command-line parsing shared by the step's mains: each bad value becomes one clear message. */
public final class Arguments {

    private Arguments() {}

    /** A TCP port, 0 to 65535 (0: let the system pick a free one). */
    public static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Fall through to the one message below.
        }
        throw new IllegalArgumentException("PORT must be a number from 0 to 65535, was '" + text + "'");
    }

    /** A whole number of at least 1. */
    public static int positive(String name, String text) {
        try {
            int value = Integer.parseInt(text);
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Fall through to the one message below.
        }
        throw new IllegalArgumentException(name + " must be a whole number of at least 1, was '" + text + "'");
    }

}
