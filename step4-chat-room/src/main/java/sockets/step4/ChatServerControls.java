package sockets.step4;

import java.util.List;
import sockets.step4.threads.Connections;

/**
 * What the operator's console asks of a {@link ChatServer} ({@link ChatControls}): who is here,
 * a line for one client, a kick - each found by name in the {@link Lobby} - and, done by the
 * server itself, a line for everyone and the shutdown.
 */
final class ChatServerControls implements ChatControls {

    private final ChatServer server;
    private final Lobby lobby;
    private final Connections<Session> sessions;

    ChatServerControls(ChatServer server, Lobby lobby, Connections<Session> sessions) {
        this.server = server;
        this.lobby = lobby;
        this.sessions = sessions;
    }

    @Override
    public List<Connected> who() {
        return lobby.present();
    }

    @Override
    public boolean message(String name, String text) {
        Member member = lobby.find(name);
        if (member == null) {
            return false;
        }
        member.mailbox.tell("<server> " + HarmlessText.clean(text)); // A notice: the console never waits.
        return true;
    }

    @Override
    public boolean kick(String name, String reason) {
        Member member = lobby.find(name);
        if (member == null) {
            return false;
        }
        for (Session session : sessions.snapshot()) {
            if (session.serves(member)) {
                session.kick(reason); // Its own thread then leaves the lobby and tells the partner.
                return true;
            }
        }
        return false; // It left as we looked.
    }

    @Override
    public int broadcast(String text) {
        return server.broadcast(text);
    }

    @Override
    public boolean shutdown() {
        return server.shutdown();
    }
}
