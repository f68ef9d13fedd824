package sockets.step4.tls;

import java.io.EOFException;
import java.io.IOException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;

/** Turns a failed TLS handshake into one line a user can act on, without an exception's name. */
public final class TlsFailures {

    private TlsFailures() {}

    /**
     * Why the handshake with {@code peer} ({@code HOST:PORT}) failed: the client's own refusal of
     * the certificate ({@link ServerTrust}'s line, as it is); else {@code TLS handshake with PEER
     * failed: } and the reason in plain words.
     */
    public static String explain(IOException failure, String peer) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateException refused && refused.getMessage() != null) {
                return refused.getMessage(); // ServerTrust's words: the user's decision to make.
            }
        }
        String message = String.valueOf(failure.getMessage());
        return "TLS handshake with " + peer + " failed: " + reason(failure, message);
    }

    private static String reason(IOException failure, String message) {
        if (message.contains("Unsupported or unrecognized SSL message")) {
            return "it does not speak TLS (a plain chat server? then connect without --tls)";
        }
        if (message.contains("certificate_unknown") || message.contains("bad_certificate")
                || message.contains("unknown_ca") || message.contains("certificate_expired")) {
            return "the peer does not trust our certificate";
        }
        if (message.contains("protocol_version") || message.contains("No appropriate protocol")
                || message.contains("not supported or has been disabled")) {
            return "no TLS version in common (this chat speaks TLS 1.3 only)";
        }
        if (failure instanceof EOFException || message.contains("Remote host terminated") || message.contains("closed")
                || message.contains("reset") || message.contains("Broken pipe")) {
            // A client that refuses our certificate may close before its alert is read: it looks the same.
            return "the peer closed the connection in the middle of it";
        }
        return failure instanceof SSLException ? message : "connection lost: " + message;
    }
}
