package sockets.step4;

/**
 * Where the lines for one client go: the server's {@link Outbox}, or a plain list in the lobby's
 * tests. Two kinds of line: a notice never waits (the {@link Lobby} tells them under its lock), a
 * message may wait for room (the sender slows down to the pace of a slow reader).
 */
interface Mailbox {

    /** Queues a notice without ever waiting; a client hopelessly far behind is disconnected instead. */
    void tell(String notice);

    /**
     * Queues a message or a reply, waiting while too many lines wait for this client. False when
     * the line was not taken: the client is gone, leaving, or read nothing for too long.
     */
    boolean send(String message);
}
