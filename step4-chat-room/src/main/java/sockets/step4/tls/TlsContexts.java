package sockets.step4.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * The JDK's TLS engine set up for each side: a server holds its key and certificate, a client
 * holds its trust in one server. An {@link SSLContext} makes the sockets that
 * {@code SimpleSocket} wraps around a TCP connection.
 */
public final class TlsContexts {

    private TlsContexts() {}

    /** Presents {@code certificate} to every client; asks none of them for one. */
    public static SSLContext forServer(ServerCertificate certificate) throws IOException {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(certificate.keyStore(), ServerCertificate.STORE_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use the certificate " + certificate.origin() + ": " + e.getMessage());
        }
    }

    /** Trusts a server only as {@code trust} decides (no certificate authority, no host name check). */
    public static SSLContext forClient(ServerTrust trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(null, new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            // Every JDK since 11 has TLS 1.3: a JDK that does not cannot run this course.
            throw new IllegalStateException(e);
        }
    }
}
