package sockets.step4.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The SHA-256 fingerprint of a certificate, written as {@code openssl x509 -fingerprint -sha256}
 * and {@code keytool -list -v} write it: 32 bytes in upper-case hex, colon-separated. Two people
 * compare it to know they see the same certificate.
 */
public record Fingerprint(String hex) {

    private static final HexFormat COLONS = HexFormat.ofDelimiter(":").withUpperCase();

    /** The fingerprint of {@code certificate}: SHA-256 over its DER encoding. */
    public static Fingerprint of(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return new Fingerprint(COLONS.formatHex(digest));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            // Every JDK has SHA-256, and a certificate we hold was decoded from DER: cannot happen.
            throw new IllegalStateException(e);
        }
    }

    /**
     * A fingerprint as a user types or pastes it: 64 hex digits, upper or lower case, with or
     * without colons (a leading {@code SHA256:} or {@code sha256 Fingerprint=} is dropped).
     * Anything else: {@link IllegalArgumentException} with {@code not a SHA-256 fingerprint: TEXT}.
     */
    public static Fingerprint parse(String typed) {
        String digits = typed.strip().replaceFirst("(?i)^(sha-?256( fingerprint)?[:=]\\s*)", "")
                .replace(":", "").toUpperCase(Locale.ROOT);
        if (!digits.matches("[0-9A-F]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 fingerprint: " + typed.strip()
                    + " (expected 64 hex digits, as the server prints them)");
        }
        return new Fingerprint(COLONS.formatHex(HexFormat.of().parseHex(digits)));
    }

    /** The fingerprint of the certificate in {@code file} (PEM or DER), for {@code --trust-cert}. */
    public static Fingerprint ofCertificateFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
        } catch (NoSuchFileException e) {
            throw new IOException("no such file: " + file);
        } catch (CertificateException e) {
            throw new IOException(file + " holds no certificate that can be read (PEM or DER)");
        }
    }

    @Override
    public String toString() {
        return hex;
    }
}
