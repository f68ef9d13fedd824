package sockets.step2;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import sockets.step1.Endpoints;

/** Turns the exceptions of bind and connect into one line a user can act on. */
public final class Failures {

    private Failures() {}

    /**
     * One line saying what went wrong with {@code host:port} and why, without a stack trace or
     * an exception's class name. {@code HOST:PORT} is {@code Endpoints.show(host, port)} (an
     * IPv6 address in brackets); SYSTEM is the exception's own message. By failure:
     * <ul>
     * <li>{@link UnknownHostException}: {@code unknown host 'HOST': the name does not resolve to any address}
     * <li>{@link SocketTimeoutException}: {@code connect to HOST:PORT timed out: nobody answered
     *     (server busy with a full backlog, or packets dropped)}
     * <li>{@link ConnectException}: {@code connection refused by HOST:PORT: nothing is listening on that port}
     * <li>{@link BindException} saying "Address already in use":
     *     {@code cannot listen on HOST:PORT: the port is already in use (by another server, or by
     *     recent connections in TIME_WAIT when SO_REUSEADDR is off)}
     * <li>any other {@link BindException}: {@code cannot listen on HOST:PORT: SYSTEM}
     * <li>anything else: {@code HOST:PORT: SYSTEM}
     * </ul>
     */
    public static String explain(IOException failure, String host, int port) {
        // tag::solution-2.4[]
        String where = Endpoints.show(host, port);
        // tag::explain[]
        return switch (failure) {
            case UnknownHostException e -> "unknown host '" + host
                    + "': the name does not resolve to any address";
            case SocketTimeoutException e -> "connect to " + where
                    + " timed out: nobody answered (server busy"
                    + " with a full backlog, or packets dropped)";
            case ConnectException e -> "connection refused by "
                    + where + ": nothing is listening on that port";
            case BindException e when isPortTaken(e) ->
                    "cannot listen on " + where
                    + ": the port is already in use (by another"
                    + " server, or by recent connections in"
                    + " TIME_WAIT when SO_REUSEADDR is off)";
            case BindException e -> "cannot listen on " + where
                    + ": " + e.getMessage(); // e.g. not our address
            default -> where + ": " + failure.getMessage();
        };
        // end::explain[]
        // end::solution-2.4[]
    }

    /** "Address already in use" on Linux, macOS and Windows; other bind failures say otherwise. */
    private static boolean isPortTaken(BindException e) {
        return e.getMessage() != null && e.getMessage().contains("in use");
    }
}
