package sockets.step1;

/**
 * What a socket can tell about itself at one moment: bound (has a local address), connected
 * (has a peer), closed, and its local port (-1 while unbound). Made by {@link SocketInspector}.
 */
public record SocketState(boolean bound, boolean connected, boolean closed, int localPort) {

    /** Reads like a sentence: "unbound, unconnected, open, local port -1". */
    @Override
    public String toString() {
        return (bound ? "bound" : "unbound")
                + ", " + (connected ? "connected" : "unconnected")
                + ", " + (closed ? "closed" : "open")
                + ", local port " + localPort;
    }
}
