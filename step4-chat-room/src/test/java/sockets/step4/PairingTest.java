package sockets.step4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.Exercise;
import sockets.testing.LoopbackClient;

@Exercise("4.7")
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@DisplayName("Rooms of two")
class PairingTest {

    @Test
    @DisplayName("the first client waits and is told so; the next one is paired with it")
    void firstWaitsSecondPairs() throws Exception {
        try (TestServer chat = TestServer.start()) {
            LoopbackClient alice = chat.join("alice");
            assertTrue(alice.seen().stream().anyMatch(line -> line.startsWith("* waiting")),
                    "'* waiting for a partner' for the first arrival; alice saw " + alice.seen());
            LoopbackClient bob = chat.join();
            bob.expectLine(line -> line.startsWith("* ") && line.contains("alice"), "bob told he is with alice");
            alice.expectLine(line -> line.startsWith("* ") && line.contains("joined"), "alice told someone joined");
        }
    }

    @Test
    @DisplayName("the server's log shows each arrival with its address, and each departure")
    void logsArrivalsAndDepartures() throws Exception {
        try (TestServer chat = TestServer.start()) {
            LoopbackClient alice = chat.join("alice");
            alice.send("/quit");
            alice.expectLine(line -> line.equals("* bye"), "'* bye' after /quit");
            assertEquals("+ guest-1 from 127.0.0.1:" + alice.socket().getLocalPort() + "\n- alice left\n",
                    chat.log().replace("\r\n", "\n"), "the operator's log: who came from where, who left");
        }
    }

    @Test
    @DisplayName("two rooms run at once and a message never leaves its room")
    void roomsIsolated() throws Exception {
        try (TestServer chat = TestServer.start()) {
            LoopbackClient[] one = chat.pair("alice", "bob");
            LoopbackClient[] two = chat.pair("carol", "dave");
            two[0].send("room two only");
            two[1].expectLine(line -> line.equals("<carol> room two only"), "carol's line at dave");
            one[0].send("room one only");
            one[1].expectLine(line -> line.equals("<alice> room one only"), "alice's line at bob");
            // Both rooms answered after the other's message: a leak would have arrived before.
            two[0].send("/who");
            two[0].expectLine(line -> line.startsWith("* you are carol"), "carol's /who");
            one[1].send("/who");
            one[1].expectLine(line -> line.startsWith("* you are bob"), "bob's /who");
            assertFalse(one[1].seen().stream().anyMatch(line -> line.contains("room two")), "room two leaked to bob: " + one[1].seen());
            assertFalse(two[0].seen().stream().anyMatch(line -> line.contains("room one")), "room one leaked to carol: " + two[0].seen());
        }
    }

    @Test
    @DisplayName("when a partner leaves, the other is paired with whoever waits longest")
    void rePairing() throws Exception {
        try (TestServer chat = TestServer.start()) {
            LoopbackClient[] room = chat.pair("alice", "bob");
            LoopbackClient carol = chat.join("carol");
            LoopbackClient dave = chat.join("dave");
            carol.expectLine(line -> line.contains("is now dave"), "carol paired with dave");
            LoopbackClient erin = chat.join("erin");
            assertTrue(erin.seen().stream().anyMatch(line -> line.startsWith("* waiting")),
                    "erin waits: both rooms are full; erin saw " + erin.seen());
            room[0].send("/quit");
            room[1].expectLine(line -> line.equals("* alice left"), "bob told alice left");
            room[1].expectLine(line -> line.contains("erin"), "bob paired at once with erin, who was waiting");
            erin.expectLine(line -> line.contains("bob") && line.contains("joined"), "erin told bob joined");
            erin.send("hi bob");
            room[1].expectLine(line -> line.equals("<erin> hi bob"), "the new pair talks");
            assertEquals(4, chat.server.clients(), "alice's place is free after she left");
        }
    }

    @Test
    @DisplayName("someone left alone waits again and is paired with the next arrival")
    void waitsAgain() throws Exception {
        try (TestServer chat = TestServer.start()) {
            LoopbackClient[] room = chat.pair("alice", "bob");
            room[1].close();
            room[0].expectLine(line -> line.startsWith("* bob left"), "alice told bob left");
            room[0].expectLine(line -> line.startsWith("* waiting"), "alice waiting again");
            LoopbackClient carol = chat.join("carol");
            room[0].expectLine(line -> line.contains("joined"), "alice paired with the next arrival");
            room[0].send("hello again");
            carol.expectLine(line -> line.equals("<alice> hello again"), "relay in the new room");
        }
    }
}
