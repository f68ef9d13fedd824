package sockets.step4;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import sockets.step1.Endpoints;
import sockets.step4.tls.Deadline;
import sockets.step4.tls.TlsFailures;

/**
 * TLS around the course's socket class: a connected TCP socket is wrapped in an {@link SSLSocket}
 * - the same connection, now carrying encrypted records - the handshake runs within a deadline,
 * and the chat goes on with a {@link SimpleSocket} that reads and writes through the wrapper.
 * With {@link SimpleSocket}, {@link SimpleServerSocket}, {@link TcpOptions} and {@link Closing},
 * the only classes that touch {@code java.net}.
 */
public final class TlsWrapper {

    /** How long a TLS handshake may take, from its first byte to its last. */
    public static final int HANDSHAKE_MILLIS = 10_000;
    /** A TLS server's answer, in plain text, to a client that does not speak TLS ({@code nc}, {@code telnet}). */
    static final String NOT_TLS = "! this chat server speaks TLS: connect with 'chat client --tls'"
            + " or 'openssl s_client -quiet -connect HOST:PORT'";
    /** The first byte of every TLS connection: a handshake record (RFC 8446, section 5.1). */
    private static final int TLS_HANDSHAKE_RECORD = 0x16;

    private TlsWrapper() {}

    /**
     * Client side: connects as {@link SimpleSocket#connect} does, then wraps the connection in TLS
     * and runs the handshake within {@link #HANDSHAKE_MILLIS}. {@code tls} decides whether the
     * server's certificate is trusted ({@code sockets.step4.tls.ServerTrust}). Fails as
     * {@link SimpleSocket#connect} does, or as {@link #handshake} does.
     */
    public static SimpleSocket connect(String host, int port, int timeoutMillis, int maxLineBytes, SSLContext tls)
            throws IOException {
        return connect(host, port, timeoutMillis, maxLineBytes, tls, HANDSHAKE_MILLIS);
    }

    static SimpleSocket connect(String host, int port, int timeoutMillis, int maxLineBytes, SSLContext tls,
            int handshakeMillis) throws IOException {
        Socket tcp = SimpleSocket.connect(host, port, timeoutMillis, maxLineBytes).tcp();
        // tag::wrap-client[]
        // The same TCP connection, wrapped: TLS reads and writes through it.
        SSLSocket wrapped = (SSLSocket) tls.getSocketFactory().createSocket(tcp, host, port, true);
        // end::wrap-client[]
        return handshake(wrapped, tcp, Endpoints.show(host, port), maxLineBytes, handshakeMillis);
    }

    /**
     * Server side, on the client's own thread: the {@code accepted} connection wrapped in TLS, its
     * handshake done within {@code handshakeMillis}. A client that does not begin with a TLS
     * handshake record - {@code nc}, {@code telnet}, a chat client without {@code --tls} - is
     * answered {@link #NOT_TLS} in plain text and closed; this then fails with
     * {@code CLIENT does not speak TLS (answered in plain text)}. Otherwise fails as
     * {@link #handshake} does. On failure {@code accepted} is closed.
     */
    static SimpleSocket accept(SimpleSocket accepted, SSLContext tls, int handshakeMillis) throws IOException {
        Socket tcp = accepted.tcp();
        String client = accepted.remoteAddress();
        int first = firstByte(tcp, handshakeMillis);
        if (first != TLS_HANDSHAKE_RECORD) {
            // Like an HTTPS server answering a plain HTTP request: say what is wrong, in the client's language.
            if (first != -1) {
                tcp.getOutputStream().write((NOT_TLS + "\n").getBytes(StandardCharsets.UTF_8));
            }
            Closing.drainAndClose(accepted, Math.min(handshakeMillis, Session.GOODBYE_MILLIS));
            throw new IOException(client + (first == -1 ? " closed before its TLS handshake"
                    : " does not speak TLS (answered in plain text)"));
        }
        // tag::wrap-server[]
        // The byte we looked at goes back in front: the TLS socket reads it first, then the connection.
        var looked = new ByteArrayInputStream(new byte[] {(byte) first});
        SSLSocket wrapped = (SSLSocket) tls.getSocketFactory().createSocket(tcp, looked, true);
        // end::wrap-server[]
        return handshake(wrapped, tcp, client, accepted.maxLineBytes(), handshakeMillis);
    }

    /** The first byte the client sends, -1 at end of stream, or -2 when it sends nothing in {@code millis}. */
    private static int firstByte(Socket tcp, int millis) throws IOException {
        tcp.setSoTimeout(millis);
        try {
            return tcp.getInputStream().read();
        } catch (SocketTimeoutException e) {
            return -2; // Silent: a plain client waiting for our welcome, most likely.
        } finally {
            tcp.setSoTimeout(0);
        }
    }

    /**
     * Runs the TLS handshake of {@code tls} (wrapped around {@code tcp}) - TLS 1.3 only - and
     * returns the chat's socket on it. One deadline bounds the whole handshake: when
     * {@code millis} pass first, a {@link Deadline} closes {@code tcp}. On failure {@code tcp} is
     * closed and the message is {@code TLS handshake with PEER not finished within N ms} (the
     * deadline) or {@link TlsFailures#explain(IOException, String)}'s line: the client's own
     * refusal of the certificate as it is, {@code TLS handshake with PEER failed: it does not speak
     * TLS (a plain chat server? then connect without --tls)}, {@code ... failed: no TLS version in
     * common (this chat speaks TLS 1.3 only)} - a peer that offers only TLS 1.2 must get this one.
     */
    static SimpleSocket handshake(SSLSocket tls, Socket tcp, String peer,
            int maxLineBytes, int millis) throws IOException {
        // tag::solution-4.10[]
        // tag::handshake[]
        tls.setEnabledProtocols(new String[] {"TLSv1.3"});
        Deadline deadline = Deadline.closing(tcp, millis);
        try {
            tls.startHandshake(); // keys agreed, the certificate checked: one round trip
        } catch (IOException e) {
            tcp.close();
            throw new IOException(deadline.passed()
                    ? "TLS handshake with " + peer + " not finished within " + millis + " ms"
                    : TlsFailures.explain(e, peer));
        } finally {
            deadline.cancel();
        }
        return new SimpleSocket(tls, tcp, maxLineBytes);
        // end::handshake[]
        // end::solution-4.10[]
    }
}
