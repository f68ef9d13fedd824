package sockets.step4.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a key and its certificate chain from the files people have: PKCS#12 ({@code .p12},
 * {@code .pfx}, what {@code keytool} writes) or PEM ({@code -----BEGIN CERTIFICATE-----}, what
 * {@code openssl} writes), with the JDK's own decoders only.
 */
final class CertificateFiles {

    private static final Pattern PEM_BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");

    private CertificateFiles() {}

    /** The key and chain of {@code certificate} (with the key from {@code key} if given). */
    static ServerCertificate read(Path certificate, Path key, char[] password) throws IOException {
        byte[] bytes = readAll(certificate);
        if (!isPem(bytes)) {
            if (key != null) {
                throw new IOException(certificate + " is not a PEM file: --key goes with a PEM certificate only");
            }
            return pkcs12(certificate, bytes, password);
        }
        List<X509Certificate> chain = certificates(certificate, bytes);
        Path keyFile = key != null ? key : certificate;
        PrivateKey privateKey = privateKey(keyFile, key != null ? readAll(key) : bytes);
        return new ServerCertificate(privateKey, chain, "from " + certificate);
    }

    /** The first key entry of a PKCS#12 file, and its chain. */
    static ServerCertificate pkcs12(Path file, byte[] bytes, char[] password) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(bytes), password);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    PrivateKey key = (PrivateKey) store.getKey(alias, password);
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate c : store.getCertificateChain(alias)) {
                        chain.add((X509Certificate) c);
                    }
                    return new ServerCertificate(key, chain, "from " + file);
                }
            }
            throw new IOException(file + " holds no private key - a server needs its key and its certificate");
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new IOException("cannot open " + file + ": wrong password - set CHAT_CERT_PASSWORD to the file's password");
            }
            if (e.getMessage() != null && e.getMessage().startsWith(file.toString())) {
                throw e; // Ours, above.
            }
            throw new IOException(file + " is neither PEM nor PKCS#12 (" + e.getMessage() + ")");
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot open " + file + ": " + e.getMessage());
        }
    }

    private static List<X509Certificate> certificates(Path file, byte[] bytes) throws IOException {
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Block block : blocks(bytes)) {
                if (block.type().equals("CERTIFICATE")) {
                    chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
                }
            }
        } catch (CertificateException e) {
            throw new IOException(file + ": a certificate that cannot be read (" + e.getMessage() + ")");
        }
        if (chain.isEmpty()) {
            throw new IOException(file + " holds no certificate (-----BEGIN CERTIFICATE-----)");
        }
        return chain;
    }

    /** An unencrypted PKCS#8 key ({@code BEGIN PRIVATE KEY}), what OpenSSL 3 writes by default. */
    private static PrivateKey privateKey(Path file, byte[] bytes) throws IOException {
        for (Block block : blocks(bytes)) {
            switch (block.type()) {
                case "PRIVATE KEY" -> {
                    return pkcs8(file, block.der());
                }
                case "RSA PRIVATE KEY", "EC PRIVATE KEY" -> throw new IOException(file + " holds a " + block.type()
                        + " in an old format - convert it: openssl pkcs8 -topk8 -nocrypt -in " + file + " -out key.pem");
                case "ENCRYPTED PRIVATE KEY" -> throw new IOException(file + " holds an encrypted key - decrypt it:"
                        + " openssl pkcs8 -in " + file + " -out key.pem (and keep that file private)");
                default -> {
                    // A certificate or parameters: not the key.
                }
            }
        }
        throw new IOException(file + " holds no private key (-----BEGIN PRIVATE KEY-----) - give it with --key FILE");
    }

    private static PrivateKey pkcs8(Path file, byte[] der) throws IOException {
        for (String algorithm : List.of("EC", "RSA", "Ed25519", "Ed448")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisOne) {
                // The DER names its algorithm; the factories of the others refuse it.
            }
        }
        throw new IOException(file + ": a private key of a kind this chat cannot use (EC, RSA and Ed25519 work)");
    }

    private record Block(String type, byte[] der) {}

    private static List<Block> blocks(byte[] bytes) throws IOException {
        List<Block> blocks = new ArrayList<>();
        Matcher m = PEM_BLOCK.matcher(new String(bytes, StandardCharsets.US_ASCII));
        while (m.find()) {
            try {
                blocks.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
            } catch (IllegalArgumentException e) {
                throw new IOException("a damaged PEM block " + m.group(1) + ": " + e.getMessage());
            }
        }
        return blocks;
    }

    private static boolean isPem(byte[] bytes) {
        return new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.US_ASCII).contains("-----BEGIN ");
    }

    private static byte[] readAll(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(1 << 20); // A certificate file is a few KB: a huge file is a mistake, not a certificate.
        } catch (NoSuchFileException e) {
            throw new IOException("no such file: " + file);
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
