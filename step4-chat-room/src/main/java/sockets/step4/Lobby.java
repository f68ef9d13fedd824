package sockets.step4;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is connected, who waits and who talks to whom: rooms of two. An arrival is paired with the
 * member waiting longest; when a partner leaves, the other goes back to waiting. One lock guards
 * it all, held only to tell notices (which never wait), never during network I/O.
 */
final class Lobby {

    private final int maxMembers;
    private final Map<String, Member> byName = new LinkedHashMap<>();
    private final ArrayDeque<Member> waiting = new ArrayDeque<>();
    private int guests;

    Lobby(int maxMembers) {
        this.maxMembers = maxMembers;
    }

    /** Registers a new client as {@code guest-N} and pairs it; null when the server is full. */
    synchronized Member join(Outbox outbox) {
        if (byName.size() >= maxMembers) {
            return null;
        }
        String name;
        do {
            name = "guest-" + ++guests;
        } while (byName.containsKey(Names.key(name)));
        Member member = new Member(name, outbox);
        byName.put(Names.key(name), member);
        member.tell("* welcome to the chat, you are " + name + " (type /help for commands)");
        pairOrWait(member);
        return member;
    }

    /** Pairs {@code member} with whoever waits longest, or makes it wait. */
    private void pairOrWait(Member member) {
        // tag::solution-4.3[]
        // tag::pair-or-wait[]
        Member partner = waiting.pollFirst();
        if (partner == null) {
            waiting.addLast(member);
            member.tell("* waiting for a partner...");
            return;
        }
        member.partner = partner;
        partner.partner = member;
        partner.tell("* " + member.name + " joined - say hello");
        member.tell("* you are chatting with " + partner.name + " - say hello");
        // end::pair-or-wait[]
        // end::solution-4.3[]
    }

    /**
     * A message from {@code from}: queued for its partner as {@code <NAME> TEXT}, or an error
     * queued for {@code from} if alone; the caller then flushes the returned outbox.
     */
    Outbox relay(Member from, String text) {
        // tag::solution-4.4[]
        Member partner = partnerOf(from);
        if (partner == null) {
            // A reply, not a notice: it waits while the sender's own outbox is full, so a client
            // that sends line after line while alone is slowed down, never dropped for our delay.
            from.outbox.queue("! nobody is here yet - your message was not sent; wait for a partner");
            return from.outbox;
        }
        // No lock held: queue() waits while the partner is behind, and the other rooms go on.
        // (from.name is safe to read here: only this thread, from's session, changes it.)
        partner.outbox.queue("<" + from.name + "> " + HarmlessText.clean(text));
        return partner.outbox;
        // end::solution-4.4[]
    }

    /**
     * No lock for the busiest read of the server (once per message, from every room): the field
     * is volatile, so we see the partner of now or of a moment ago - as we would with the lock,
     * since the message is queued after it is released anyway.
     */
    private static Member partnerOf(Member member) {
        return member.partner;
    }

    /** {@code from} leaves: its partner is told and goes back to waiting (or is paired at once). */
    synchronized void leave(Member member, String why) {
        // tag::solution-4.3[]
        if (byName.remove(Names.key(member.name)) == null) {
            return;
        }
        waiting.remove(member);
        Member partner = member.partner;
        if (partner != null) {
            member.partner = null;
            partner.partner = null;
            partner.tell("* " + member.name + " left" + why);
            pairOrWait(partner);
        }
        // end::solution-4.3[]
    }

    /** {@code /nick NAME}: checks the rules and uniqueness, confirms, tells the partner. */
    synchronized void rename(Member member, String wanted) {
        String problem = Names.problemWith(wanted);
        Member holder = byName.get(Names.key(wanted));
        if (problem == null && holder != null && holder != member) {
            problem = "the name " + wanted + " is taken";
        }
        if (problem != null) {
            member.tell("! cannot use that name: " + problem);
            return;
        }
        String old = member.name;
        byName.remove(Names.key(old));
        member.name = wanted;
        byName.put(Names.key(wanted), member);
        member.tell("* you are now " + wanted);
        if (member.partner != null) {
            member.partner.tell("* " + old + " is now " + wanted);
        }
    }

    /** {@code /who}: who you are, who you talk to, how many are here. */
    synchronized String who(Member member) {
        String with = member.partner != null ? "chatting with " + member.partner.name : "waiting for a partner";
        return "* you are " + member.name + ", " + with + "; " + byName.size() + " connected, "
                + waiting.size() + " waiting";
    }

    /** A copy of everyone connected, for the operator's broadcast and shutdown. */
    synchronized List<Member> everyone() {
        return new ArrayList<>(byName.values());
    }

    synchronized int size() {
        return byName.size();
    }
}
