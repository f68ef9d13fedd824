package sockets.step5;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import sockets.step4.HarmlessText;
import sockets.step4.Member;

/**
 * The operator's {@code /msg}, {@code /kick} and broadcast, typed on the console's thread and run
 * on the loop's: only the loop touches connections, so each command is handed over as a task
 * ({@link EventLoop#submit}) and the console waits for its answer - never longer than a deadline,
 * in case the loop has stopped.
 */
final class OperatorCommands {

    private final EventLoop loop;
    private final Clients clients;

    OperatorCommands(EventLoop loop, Clients clients) {
        this.loop = loop;
        this.clients = clients;
    }

    /** {@code <server> TEXT} to the client called {@code name} only; false if nobody is. */
    boolean message(String name, String text) {
        String line = "<server> " + HarmlessText.clean(text);
        CompletableFuture<Boolean> told = new CompletableFuture<>();
        loop.submit(() -> {
            Member member = clients.lobby().find(name);
            if (member != null) {
                member.mailbox().tell(line); // a notice: never waits for a slow client
            }
            told.complete(member != null);
        });
        return whenDone(told, false);
    }

    /** Kicks the client called {@code name} ({@link Connection#kick}); false if nobody has that name. */
    boolean kick(String name, String reason) {
        CompletableFuture<Boolean> kicked = new CompletableFuture<>();
        loop.submit(() -> {
            Member member = clients.lobby().find(name);
            if (member != null) {
                Connection.of(member).kick(reason);
            }
            kicked.complete(member != null);
        });
        return whenDone(kicked, false);
    }

    /** {@code <server> TEXT} to every client; returns how many got it. */
    int broadcast(String text) {
        String line = "<server> " + HarmlessText.clean(text);
        CompletableFuture<Integer> told = new CompletableFuture<>();
        loop.submit(() -> {
            List<Member> everyone = clients.lobby().everyone();
            for (Member member : everyone) {
                member.mailbox().tell(line); // a notice: never waits for a slow client
            }
            told.complete(everyone.size());
        });
        return whenDone(told, 0);
    }

    /** The result of a task run on the loop's thread; {@code ifStopped} when the loop has ended. */
    private <T> T whenDone(CompletableFuture<T> result, T ifStopped) {
        try {
            return result.get(SelectorServer.SHUTDOWN_MILLIS * 2L, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ifStopped;
        } catch (ExecutionException | TimeoutException e) {
            return ifStopped; // the loop has stopped: nobody is there to tell
        }
    }
}
