package sockets.step4;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import sockets.step4.tls.Fingerprint;
import sockets.step4.tls.ServerCertificate;
import sockets.step4.tls.TlsContexts;

/**
 * The tests' certificates, in {@code src/test/resources/sockets/step4/tls/} (made once by its
 * {@code make-test-certificates.sh}): servers {@code a} and {@code b}, {@code expired},
 * {@code not-yet-valid} (PKCS#12, empty password), {@code a.pem} (a's certificate alone), and
 * {@code pem-cert.pem} with {@code pem-key.pem} (made by openssl).
 */
final class TestCertificates {

    private TestCertificates() {}

    /** A certificate file of the tests by its name ({@code a.p12}, {@code pem-key.pem}...). */
    static Path file(String name) {
        try {
            return Path.of(TestCertificates.class.getResource("tls/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no test certificate " + name, e);
        }
    }

    /** Server {@code name}'s key and certificate ({@code a}, {@code b}). */
    static ServerCertificate server(String name) {
        try {
            return ServerCertificate.fromFiles(file(name + ".p12"), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A TLS server's context with server {@code name}'s certificate. */
    static SSLContext serverContext(String name) {
        try {
            return TlsContexts.forServer(server(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Fingerprint fingerprint(String name) {
        return server(name).fingerprint();
    }
}
