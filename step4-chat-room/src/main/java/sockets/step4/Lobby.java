package sockets.step4;

import static sockets.step4.Locks.locked;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Who is here, who waits and who talks to whom: rooms of two. An arrival is paired with the
 * member waiting longest; when a partner leaves, the other goes back to waiting. Every client's
 * thread calls it, so one lock guards it all; under it the lobby only tells notices, which never
 * wait - no thread ever waits for the network while holding it. Step 5's one-thread server uses
 * it as it is (the lock is then never contended).
 */
public final class Lobby {

    /** Guards all that follows; the one-line reads take it with {@link Locks#locked}. */
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Member> byName = new LinkedHashMap<>();
    private final ArrayDeque<Member> waiting = new ArrayDeque<>();
    private int guests;
    private boolean closed;

    /**
     * Welcomes a newcomer from {@code address} ({@code ADDR:PORT}) as {@code guest-N}, then pairs
     * it or makes it wait; null once closed.
     */
    public Member join(Mailbox mailbox, String address) {
        lock.lock();
        try {
            if (closed) {
                return null;
            }
            String name;
            do {
                name = "guest-" + ++guests;
            } while (byName.containsKey(Names.key(name)));
            Member member = new Member(name, address, mailbox);
            byName.put(Names.key(name), member);
            mailbox.tell("* welcome to the chat, you are " + name + " (type /help for commands)");
            pairOrWait(member);
            return member;
        } finally {
            lock.unlock();
        }
    }

    /** Pairs {@code member} with whoever waits longest, or makes it wait. The caller holds the lock. */
    private void pairOrWait(Member member) {
        // tag::solution-4.6[]
        // tag::pair-or-wait[]
        Member partner = waiting.pollFirst(); // the head has waited longest
        if (partner == null) {
            waiting.addLast(member);
            member.mailbox.tell("* waiting for a partner...");
            return;
        }
        member.partner = partner;
        partner.partner = member;
        partner.mailbox.tell("* " + member.name + " joined - say hello");
        member.mailbox.tell("* you are chatting with " + partner.name
                + " - say hello");
        // end::pair-or-wait[]
        // end::solution-4.6[]
    }

    /**
     * {@code member} leaves: its partner is told {@code * NAME left} plus {@code why}, then is
     * paired again or waits. False if it was not here (already gone, or the lobby is closed).
     */
    public boolean leave(Member member, String why) {
        // tag::solution-4.6[]
        lock.lock();
        try {
            if (byName.remove(Names.key(member.name)) == null) {
                return false;
            }
            waiting.remove(member);
            Member partner = member.partner;
            if (partner != null) {
                member.partner = null;
                partner.partner = null;
                partner.mailbox.tell("* " + member.name + " left" + why);
                pairOrWait(partner);
            }
            return true;
        } finally {
            lock.unlock();
        }
        // end::solution-4.6[]
    }

    /**
     * Closes the lobby for the server's shutdown: from now on nobody joins, is paired or told
     * anything by the lobby. Returns everyone who was here.
     */
    public List<Member> close() {
        // tag::solution-4.6[]
        lock.lock();
        try {
            closed = true;
            List<Member> everyone = new ArrayList<>(byName.values());
            for (Member member : everyone) {
                member.partner = null;
            }
            // Forget them all: a leave() from now on finds nobody, so tells nobody.
            byName.clear();
            waiting.clear();
            return everyone;
        } finally {
            lock.unlock();
        }
        // end::solution-4.6[]
    }

    /** The partner of {@code member} now, or null while it waits. */
    public Member partnerOf(Member member) {
        return locked(lock, () -> member.partner);
    }

    /**
     * {@code /nick NAME}: checks the rules and that nobody else has the name, tells the partner;
     * returns the answer for {@code member} ({@code * you are now NAME}, or why not).
     */
    public String rename(Member member, String wanted) {
        lock.lock();
        try {
            String problem = Names.problemWith(wanted);
            Member holder = byName.get(Names.key(wanted));
            if (problem == null && holder != null && holder != member) {
                problem = "the name " + wanted + " is taken";
            }
            if (problem != null) {
                return "! cannot use that name: " + problem;
            }
            if (byName.remove(Names.key(member.name)) == null) {
                return "! cannot use that name: the server is shutting down";
            }
            String old = member.name;
            member.name = wanted;
            byName.put(Names.key(wanted), member);
            if (member.partner != null) {
                member.partner.mailbox.tell("* " + old + " is now " + wanted);
            }
            return "* you are now " + wanted;
        } finally {
            lock.unlock();
        }
    }

    /** {@code /who}: who you are, who you talk to, how many are here. */
    public String who(Member member) {
        return locked(lock, () -> "* you are " + member.name + ", "
                + (member.partner != null ? "chatting with " + member.partner.name : "waiting for a partner")
                + "; " + byName.size() + " connected, " + waiting.size() + " waiting");
    }

    /** The member called {@code name} (ignoring case), or null: nobody here has that name. */
    public Member find(String name) {
        return locked(lock, () -> byName.get(Names.key(name)));
    }

    /** The operator's {@code /who}: who is in which room, who waits ({@link WhoIsWhere}). */
    public List<ChatControls.Connected> present() {
        return locked(lock, () -> WhoIsWhere.list(byName.values(), waiting));
    }

    /** Everyone here now, for the operator's broadcast. */
    public List<Member> everyone() {
        return locked(lock, () -> new ArrayList<>(byName.values()));
    }

    /** How many are here now. */
    public int size() {
        return locked(lock, () -> byName.size());
    }
}
