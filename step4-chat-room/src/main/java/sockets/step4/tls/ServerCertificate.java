package sockets.step4.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The TLS server's identity: its private key and certificate (with any chain above it), read
 * from {@code --cert} or made on first start ({@link SelfSignedCertificate}), checked before the
 * server listens - in its dates, and the key belonging to the certificate - so that a bad file is
 * one clear line at start, not a failed handshake with every client.
 */
public final class ServerCertificate {

    /** The password of key stores we write or keep in memory; the file's protection is its owner-only mode. */
    static final char[] STORE_PASSWORD = "sockets-chat".toCharArray();

    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final String origin;

    ServerCertificate(PrivateKey key, List<X509Certificate> chain, String origin) {
        this.key = key;
        this.chain = List.copyOf(chain);
        this.origin = origin;
    }

    /**
     * The certificate in {@code certificate}: a PKCS#12 file (password in the environment variable
     * {@code CHAT_CERT_PASSWORD}, empty if unset) or PEM, whose private key is in {@code key} or,
     * when that is null, in the same file. Fails with one line naming the file and what is wrong.
     */
    public static ServerCertificate fromFiles(Path certificate, Path key) throws IOException {
        String password = System.getenv("CHAT_CERT_PASSWORD");
        ServerCertificate read = CertificateFiles.read(certificate, key, password == null ? new char[0] : password.toCharArray());
        read.check("in " + certificate + (key == null ? "" : " and " + key), "make a new one");
        return read;
    }

    /** The self-signed certificate kept in {@code folder}, made there on first start. */
    public static ServerCertificate selfSigned(Path folder) throws IOException {
        ServerCertificate kept = SelfSignedCertificate.loadOrMake(folder);
        kept.check("kept in " + SelfSignedCertificate.file(folder),
                "delete it and start again: a new one is made (and clients see a new fingerprint)");
        return kept;
    }

    /** The same key and chain, with {@code origin} as where they came from. */
    ServerCertificate from(String origin) {
        return new ServerCertificate(key, chain, origin);
    }

    /** The server's own certificate (the first of the chain). */
    public X509Certificate certificate() {
        return chain.getFirst();
    }

    /** What clients compare: the SHA-256 fingerprint of {@link #certificate()}. */
    public Fingerprint fingerprint() {
        return Fingerprint.of(certificate());
    }

    /** Where the certificate came from, for the operator: {@code from FILE}, {@code made now, kept in FILE}... */
    public String origin() {
        return origin;
    }

    /** The key and chain in an in-memory key store, as the JDK's key managers take them. */
    KeyStore keyStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("chat", key, STORE_PASSWORD, chain.toArray(new X509Certificate[0]));
        return store;
    }

    /** Refuses a certificate out of its dates, or a key that is not the certificate's. */
    private void check(String where, String remedy) throws IOException {
        try {
            certificate().checkValidity();
        } catch (CertificateExpiredException e) {
            throw new IOException("the certificate " + where + " expired on "
                    + ServerTrust.date(certificate().getNotAfter()) + " - " + remedy);
        } catch (CertificateNotYetValidException e) {
            throw new IOException("the certificate " + where + " is not valid before "
                    + ServerTrust.date(certificate().getNotBefore()) + " - " + remedy);
        }
        if (!keyMatches()) {
            throw new IOException("the private key " + where + " does not belong to its certificate");
        }
    }

    /** Signs a few bytes with the key and checks the signature with the certificate's public key. */
    private boolean keyMatches() {
        String algorithm = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> key.getAlgorithm(); // Ed25519, Ed448: the name is the signature's
        };
        try {
            byte[] probe = "sockets-chat".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            signer.initVerify(certificate().getPublicKey());
            signer.update(probe);
            return signer.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // A key the certificate's algorithm cannot even use.
        }
    }
}
