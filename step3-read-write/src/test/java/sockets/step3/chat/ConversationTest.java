package sockets.step3.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets.step3.Connected;
import sockets.step3.tour.Screen;
import sockets.testing.Exercise;
import sockets.testing.LoopbackClient;

@Exercise("3.7")
@Timeout(10)
@DisplayName("Direct chat: one side of the conversation, with a raw client as the partner")
class ConversationTest {

    static final Duration WAIT = Duration.ofSeconds(3);

    Connected connection;
    LoopbackClient partner;
    Keyboard keyboard;
    Screen screen;
    CompletableFuture<Boolean> ended;

    @BeforeEach
    void start() throws IOException {
        start(Conversation.GOODBYE_GRACE);
    }

    void start(Duration grace) throws IOException {
        connection = Connected.open();
        partner = connection.peer();
        keyboard = new Keyboard();
        screen = new Screen();
        Conversation conversation = new Conversation(connection.socket(), "client", screen.printStream(), grace);
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        InputStream typed = keyboard.in();
        Thread.ofPlatform().daemon().start(() -> {
            try {
                result.complete(conversation.run(typed));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        ended = result;
    }

    @AfterEach
    void stop() throws IOException {
        keyboard.close();
        connection.close();
    }

    String screenLine() throws InterruptedException {
        return DirectChatTest.next(screen);
    }

    boolean endedGracefully() throws Exception {
        return ended.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Nested
    @DisplayName("while both are there")
    class Talking {

        @Test
        @DisplayName("typed lines reach the partner, in order, as they are typed")
        void typedLinesAreSent() throws Exception {
            keyboard.type("hello");
            assertEquals("hello", connection.peerLine("a typed line should reach the partner - did you flush()?"));
            keyboard.type("second");
            keyboard.type("third");
            assertEquals("second", partner.readLine(WAIT));
            assertEquals("third", partner.readLine(WAIT));
        }

        @Test
        @DisplayName("the partner's lines appear on the screen as '<client> text', interleaved with ours")
        void partnerLinesArePrinted() throws Exception {
            for (int round = 1; round <= 3; round++) {
                partner.send("from the partner " + round);
                assertEquals("<client> from the partner " + round, screenLine(),
                        "print each partner line as soon as it arrives, prefixed with <client>");
                keyboard.type("from us " + round);
                assertEquals("from us " + round, partner.readLine(WAIT), "we keep sending while we receive");
            }
        }

        @Test
        @DisplayName("blank typed lines are not sent")
        void blankLinesSkipped() throws Exception {
            keyboard.type("");
            keyboard.type("  \t ");
            keyboard.type("something");
            assertEquals("something", partner.readLine(WAIT), "blank lines should not be sent");
        }

        @Test
        @DisplayName("control characters from the partner are made harmless before printing")
        void controlCharactersCleaned() throws Exception {
            partner.send("\u001b[2Jgone?\u0007\tok");
            assertEquals("<client> ?[2Jgone??\tok", screenLine(), "pass the line through Terminal.printable");
        }

        @Test
        @DisplayName("an over-long line from the partner is skipped with a notice, and the chat goes on")
        void overLongFromPartner() throws Exception {
            partner.sendRaw(("z".repeat(5000) + "\n").getBytes(StandardCharsets.UTF_8));
            partner.send("still here");
            assertEquals("! client sent a line over 4096 bytes; skipped", screenLine());
            assertEquals("<client> still here", screenLine());
        }

        @Test
        @DisplayName("an over-long typed line is not sent, and the next one is")
        void overLongTyped() throws Exception {
            keyboard.type("y".repeat(5000));
            keyboard.type("fine");
            assertEquals("! line over 4096 bytes; not sent", screenLine());
            assertEquals("fine", partner.readLine(WAIT));
        }
    }

    @Nested
    @DisplayName("when our user leaves")
    class WeLeave {

        @Test
        @DisplayName("/quit delivers every typed line, then half-closes; we still read the partner's last words")
        void quit() throws Exception {
            keyboard.type("one");
            keyboard.type("two");
            keyboard.type("/quit");
            assertEquals("one", partner.readLine(WAIT));
            assertEquals("two", partner.readLine(WAIT));
            assertNull(connection.peerLine("after /quit the partner should read end of stream - did you shutdownOutput()?"));
            partner.send("see you");
            assertEquals("<client> see you", screenLine(), "after a half-close our side can still read");
            partner.halfClose();
            assertEquals("* bye", screenLine());
            assertTrue(endedGracefully(), "run() returns true after a graceful end");
            assertTrue(connection.socket().isClosed(), "the socket is closed at the end");
        }

        @Test
        @DisplayName("end of input (Ctrl-D) is the same as /quit")
        void endOfInput() throws Exception {
            keyboard.type("last words");
            keyboard.close();
            assertEquals("last words", partner.readLine(WAIT));
            assertNull(connection.peerLine("at end of input the partner should read end of stream - did you shutdownOutput()?"));
            partner.halfClose();
            assertTrue(endedGracefully());
        }
    }

    @Nested
    @DisplayName("when the partner leaves")
    class PartnerLeaves {

        @Test
        @DisplayName("its last lines are shown, then that it left; our side closes too")
        void partnerHalfCloses() throws Exception {
            partner.send("gotta go");
            partner.halfClose();
            assertEquals("<client> gotta go", screenLine());
            assertEquals("* client left the chat", screenLine(), "at end of stream, say that the partner left");
            assertEquals("* bye", screenLine());
            assertTrue(partner.awaitClosed(), "our side should close after the partner left");
            assertTrue(endedGracefully());
            keyboard.type("too late");
            assertEquals("* not sent: client has left", screenLine());
        }

        @Test
        @DisplayName("a connection that breaks ends the conversation with a notice")
        void connectionBreaks() throws Exception {
            partner.socket().setSoLinger(true, 0); // close with a reset, like a crashed peer
            partner.close();
            assertTrue(screenLine().startsWith("! connection lost"));
            assertFalse(endedGracefully(), "run() returns false when the connection broke");
        }
    }

    @Test
    @DisplayName("a partner that never closes after our /quit is closed after the grace period")
    void partnerNeverCloses() throws Exception {
        stop();
        start(Duration.ofMillis(200));
        keyboard.type("/quit");
        assertNull(partner.readLine(WAIT));
        assertEquals("* client did not close within 200 ms; closing anyway", screenLine());
        assertEquals("* bye", screenLine());
        assertTrue(endedGracefully(), "leaving was our choice: still a graceful end");
    }
}
