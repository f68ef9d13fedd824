package sockets.step4;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The operator's {@code /who} list, made from the {@link Lobby}'s members while it holds its lock:
 * everyone in a room, each room's two members one after the other, then everyone waiting, longest
 * first.
 */
final class WhoIsWhere {

    private WhoIsWhere() {}

    /** {@code here}: every member; {@code waiting}: those without a partner, longest first. */
    static List<ChatControls.Connected> list(Collection<Member> here, Collection<Member> waiting) {
        List<ChatControls.Connected> present = new ArrayList<>();
        Set<Member> listed = new HashSet<>();
        for (Member member : here) {
            if (member.partner != null && listed.add(member)) {
                listed.add(member.partner);
                present.add(describe(member));
                present.add(describe(member.partner));
            }
        }
        for (Member member : waiting) {
            present.add(describe(member));
        }
        return present;
    }

    private static ChatControls.Connected describe(Member member) {
        return new ChatControls.Connected(member.name, member.address,
                member.partner == null ? null : member.partner.name);
    }
}
