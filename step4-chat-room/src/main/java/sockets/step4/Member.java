package sockets.step4;

/**
 * One client as the {@link Lobby} sees it: a name, its address, a partner (none while it waits)
 * and its {@link Mailbox}. The lobby changes {@code name} and {@code partner} under its lock only.
 */
public final class Member {

    final Mailbox mailbox;
    /** Where it connects from, {@code ADDR:PORT}: for the operator's {@code /who}. */
    final String address;
    String name;
    Member partner;

    Member(String name, String address, Mailbox mailbox) {
        this.name = name;
        this.address = address;
        this.mailbox = mailbox;
    }

    /** The name now; read it on the lobby's thread (step 5) or under the lobby's lock. */
    public String name() {
        return name;
    }

    public Mailbox mailbox() {
        return mailbox;
    }

    /** The partner now, or null while waiting; read it on the lobby's thread (step 5) or under the lobby's lock. */
    public Member partner() {
        return partner;
    }
}
