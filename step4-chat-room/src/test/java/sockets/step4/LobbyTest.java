package sockets.step4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.Background;
import sockets.testing.Exercise;

@Exercise("4.6")
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@DisplayName("Rooms of two (the lobby alone, no sockets)")
class LobbyTest {

    /** A mailbox that keeps what it was told, as a client's screen would show it. */
    static final class Screen implements Mailbox {
        final List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public void tell(String notice) {
            lines.add(notice);
        }

        @Override
        public boolean send(String message) {
            lines.add(message);
            return true;
        }

        /** What was told since the last call. */
        List<String> news() {
            synchronized (lines) {
                List<String> news = List.copyOf(lines);
                lines.clear();
                return news;
            }
        }
    }

    private final Lobby lobby = new Lobby();
    private final java.util.concurrent.atomic.AtomicInteger port = new java.util.concurrent.atomic.AtomicInteger(40_000);

    /** A newcomer with a screen of its own, from a port of its own. */
    private Member join(Screen screen) {
        return lobby.join(screen, "127.0.0.1:" + port.getAndIncrement());
    }

    @Test
    @DisplayName("the first arrival waits and is told so; the next is paired with it, and both are told")
    void firstWaitsSecondPairs() {
        Screen alice = new Screen();
        Member a = join(alice);
        assertEquals(List.of("* welcome to the chat, you are guest-1 (type /help for commands)", "* waiting for a partner..."),
                alice.news());
        Screen bob = new Screen();
        Member b = join(bob);
        assertEquals(List.of("* welcome to the chat, you are guest-2 (type /help for commands)",
                "* you are chatting with guest-1 - say hello"), bob.news());
        assertEquals(List.of("* guest-2 joined - say hello"), alice.news());
        assertSame(b, lobby.partnerOf(a), "alice's partner is bob");
        assertSame(a, lobby.partnerOf(b), "and bob's is alice");
    }

    @Test
    @DisplayName("rooms of two: a third arrival waits, the fourth is paired with the third")
    void roomsOfTwo() {
        Member a = join(new Screen());
        Member b = join(new Screen());
        Screen carol = new Screen();
        Member c = join(carol);
        assertEquals("* waiting for a partner...", carol.news().getLast(), "alice and bob are taken: carol waits");
        assertNull(lobby.partnerOf(c));
        Member d = join(new Screen());
        assertSame(c, lobby.partnerOf(d));
        assertSame(b, lobby.partnerOf(a), "the first room is untouched");
    }

    @Test
    @DisplayName("when a partner leaves, the other is told why, then waits - or is paired at once with whoever waits")
    void leaving() {
        Screen alice = new Screen();
        Member a = join(alice);
        Member b = join(new Screen());
        Screen carol = new Screen();
        Member c = join(carol);
        alice.news();
        carol.news();
        assertTrue(lobby.leave(b, " (connection lost)"));
        assertEquals(List.of("* guest-2 left (connection lost)", "* you are chatting with guest-3 - say hello"), alice.news(),
                "alice is told bob left, then paired with carol, who was waiting");
        assertEquals(List.of("* guest-1 joined - say hello"), carol.news());
        assertSame(c, lobby.partnerOf(a));
        assertTrue(lobby.leave(c, ""));
        assertEquals(List.of("* guest-3 left", "* waiting for a partner..."), alice.news(), "nobody else: alice waits again");
        assertFalse(lobby.leave(c, ""), "leaving twice: the second time, nobody is told anything");
        assertEquals(List.of(), alice.news());
        assertEquals(1, lobby.size());
    }

    @Test
    @DisplayName("someone who leaves while waiting is no longer waiting: the next arrival is not paired with a ghost")
    void leaveWhileWaiting() {
        Member a = join(new Screen());
        assertTrue(lobby.leave(a, ""));
        Screen bob = new Screen();
        Member b = join(bob);
        assertEquals("* waiting for a partner...", bob.news().getLast());
        assertNull(lobby.partnerOf(b));
    }

    @Test
    @DisplayName("close(): everyone is returned, and from then on nobody joins, is paired, is told anything or waits")
    void closed() {
        Screen alice = new Screen();
        Member a = join(alice);
        Member b = join(new Screen());
        Screen carol = new Screen();
        Member c = join(carol);
        alice.news();
        carol.news();
        assertEquals(List.of(a, b, c), lobby.close(), "close() returns everyone who was here");
        assertFalse(lobby.leave(b, ""), "after close() leaving tells nobody");
        assertEquals(List.of(), alice.news(), "alice is not told bob left, nor paired with carol");
        assertEquals(List.of(), carol.news(), "carol is not told anyone joined");
        assertNull(join(new Screen()), "nobody joins a closed lobby");
        assertNull(lobby.partnerOf(a), "nobody is paired in a closed lobby");
        assertEquals(0, lobby.size());
        assertEquals(List.of(), lobby.present(), "the operator's /who lists nobody: carol no longer waits either");
    }

    @Test
    @DisplayName("/nick: rules and uniqueness ignoring case; the partner hears of it")
    void rename() {
        Member a = join(new Screen());
        Screen bob = new Screen();
        Member b = join(bob);
        bob.news();
        assertEquals("* you are now alice", lobby.rename(a, "alice"));
        assertEquals(List.of("* guest-1 is now alice"), bob.news());
        assertEquals("! cannot use that name: the name ALICE is taken", lobby.rename(b, "ALICE"));
        assertEquals("! cannot use that name: the name server is reserved for the operator", lobby.rename(b, "Server"));
        assertEquals("* you are now Alice", lobby.rename(a, "Alice"), "your own name in another case is fine");
        assertEquals("* you are guest-2, chatting with Alice; 2 connected, 0 waiting", lobby.who(b));
    }

    @Test
    @DisplayName("8 threads joining and leaving at once leave the lobby consistent")
    void concurrentChurn() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            threads.add(Background.run(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                for (int i = 0; i < 2_000; i++) {
                    Member member = join(new Screen());
                    assertNotNull(member);
                    assertTrue(lobby.leave(member, ""), "a member that joined leaves once");
                }
            }));
        }
        start.countDown();
        for (CompletableFuture<Void> thread : threads) {
            thread.get(10, TimeUnit.SECONDS);
        }
        assertEquals(0, lobby.size(), "everyone who joined left");
        Screen last = new Screen();
        Member alone = join(last);
        assertNull(lobby.partnerOf(alone), "nobody is left waiting: the last arrival waits alone, not with a ghost");
        assertEquals("* waiting for a partner...", last.news().getLast());
    }
}
