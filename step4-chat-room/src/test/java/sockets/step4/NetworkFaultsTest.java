package sockets.step4;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.testing.Exercise;
import sockets.testing.LoopbackClient;

@Exercise("4.7")
@Timeout(value = 15, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@DisplayName("A faulty network between client and server (a fault-injecting proxy on loopback)")
class NetworkFaultsTest {

    @Test
    @DisplayName("bytes in pieces of 1 to 3 with delays, both ways: every line arrives whole, in order")
    void fragmented() throws Exception {
        try (TestServer chat = TestServer.start();
                FaultyProxy aliceLink = FaultyProxy.fragmenting(chat.server.port(), 1, 50);
                LoopbackClient alice = LoopbackClient.connect(aliceLink.port());
                FaultyProxy bobLink = FaultyProxy.fragmenting(chat.server.port(), 3, 20)) {
            alice.expectLine(line -> line.startsWith("* waiting"), "alice waits, through her proxy");
            LoopbackClient bob = LoopbackClient.connect(bobLink.port());
            bob.expectLine(line -> line.startsWith("* you are chatting"), "bob is paired, through his");
            String[] lines = {"héllo 日本 👋", "x".repeat(300), "crlf\r", "last"};
            for (String line : lines) {
                alice.send(line);
            }
            for (String line : lines) {
                String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                assertEquals(text, bob.expectLine(l -> l.startsWith("<"), "alice's line").replaceFirst("^<[^>]*> ", ""));
            }
            bob.send("and back: ünïcödé");
            alice.expectLine(l -> l.endsWith("> and back: ünïcödé"), "bob's line, fragmented the other way");
        }
    }

    @Test
    @DisplayName("the connection cut (reset) in the middle of a line: the partner is told, nothing half is relayed")
    void cutMidLine() throws Exception {
        try (TestServer chat = TestServer.start()) {
            LoopbackClient bob = chat.join("bob");
            byte[] sent = "first line\nsecond li".getBytes(StandardCharsets.UTF_8);
            try (FaultyProxy cable = FaultyProxy.cuttingAfter(chat.server.port(), sent.length);
                    LoopbackClient alice = LoopbackClient.connect(cable.port())) {
                alice.expectLine(line -> line.startsWith("* you are chatting with bob"), "alice paired with bob");
                alice.sendRaw(sent);
                String first = bob.expectLine(line -> line.startsWith("<"), "alice's first line");
                assertEquals("first line", first.replaceFirst("^<[^>]*> ", ""));
                String next = bob.expectLine(line -> !line.contains("joined"), "the notice after the cut");
                assertEquals(true, next.startsWith("* guest-") && next.contains(" left"),
                        "after a reset mid-line: '* NAME left', never the half line - got: " + next);
            }
        }
    }
}
