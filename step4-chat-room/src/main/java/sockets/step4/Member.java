package sockets.step4;

/** One connected client as the {@link Lobby} sees it: a name, an {@link Outbox}, maybe a partner. */
final class Member {

    final Outbox outbox;
    // Changed under the Lobby's lock only: pairing and renaming happen there.
    String name;
    /** Volatile: read without the lock for every message relayed (see {@link Lobby#relay}). */
    volatile Member partner;

    Member(String name, Outbox outbox) {
        this.name = name;
        this.outbox = outbox;
    }

    /** Queues a notice for this client, never waiting; a client far behind is dropped by its outbox. */
    void tell(String line) {
        outbox.tell(line);
    }
}
