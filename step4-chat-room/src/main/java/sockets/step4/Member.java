package sockets.step4;

/**
 * One client as the {@link Lobby} sees it: a name, a partner (none while it waits) and its
 * {@link Mailbox}. The lobby changes {@code name} and {@code partner} under its lock only.
 */
final class Member {

    final Mailbox mailbox;
    String name;
    Member partner;

    Member(String name, Mailbox mailbox) {
        this.name = name;
        this.mailbox = mailbox;
    }
}
