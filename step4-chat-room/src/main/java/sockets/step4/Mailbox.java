package sockets.step4;

/**
 * Where the lines for one client go: the server's {@link Outbox}, or a plain list in the lobby's
 * tests (step 5's connections are mailboxes too). Two kinds of line: a notice never waits (the
 * {@link Lobby} tells them under its lock), a message slows its sender down to the pace of a slow
 * reader - here by making the sender's thread wait; on step 5's one thread, by reading the sender
 * no more until there is room.
 */
public interface Mailbox {

    /** Queues a notice without ever waiting; a client hopelessly far behind is disconnected instead. */
    void tell(String notice);

    /**
     * Queues a message or a reply; step 4's outbox waits while too many lines wait for this
     * client. False when the line was not taken: the client is gone, leaving, or read nothing for
     * too long.
     */
    boolean send(String message);
}
