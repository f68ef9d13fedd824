package sockets.bench;

import java.io.IOException;

/**
 * What joins two clients: the chat server ({@link ChatRelay}), {@code socat} ({@link SocatRelay})
 * or nothing at all ({@link DirectRelay}, the loopback floor).
 */
interface Relay extends AutoCloseable {

    /** The target's name in tables and charts. */
    String name();

    /** Two freshly connected clients, ready to exchange lines both ways. */
    Pair open() throws IOException;

    /** The first byte of a relayed line as B sees it: the chat puts {@code <NAME> } in front. */
    default byte firstByteAtReceiver(byte[] sentLine) {
        return sentLine[0];
    }

    @Override
    void close();
}
