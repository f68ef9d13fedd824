package sockets.step4;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import sockets.step4.tls.ConfigFolder;
import sockets.step4.tls.ServerCertificate;
import sockets.step4.tls.TlsContexts;

/**
 * The TLS options of {@code chat server} (a picocli mixin): {@code --tls}, and the certificate -
 * {@code --cert FILE} (with {@code --key FILE}), or a self-signed one made on first start and
 * kept in the {@link ConfigFolder}.
 */
final class ServerTlsOptions {

    @Option(names = "--tls", description = "every connection inside TLS 1.3; without --cert, a self-signed"
            + " certificate is made on first start and kept in the config folder")
    boolean tls;

    @Option(names = "--cert", paramLabel = "FILE", description = "the server's certificate and key: PKCS#12"
            + " (its password in the environment variable CHAT_CERT_PASSWORD) or PEM; implies --tls")
    Path cert;

    @Option(names = "--key", paramLabel = "FILE", description = "the private key (PEM, PKCS#8) when it is not in the --cert file")
    Path key;

    @Option(names = "--config-dir", paramLabel = "DIR", description = "where the self-signed certificate is kept"
            + " (default: $XDG_CONFIG_HOME/sockets-chat, else ~/.config/sockets-chat)")
    String configDir;

    private ServerCertificate certificate;

    /** True when the server speaks TLS. */
    boolean on() {
        return tls || cert != null;
    }

    /** What is wrong with the options together, or null: picocli checks each alone. */
    String problem() {
        return key != null && cert == null ? "--key goes with --cert" : null;
    }

    /**
     * Starts the server: plain TCP, or TLS with the certificate the options name, read (or made)
     * and checked first, so that a bad certificate stops the server before it listens.
     */
    ChatServer start(ChatServer.Settings settings, PrintStream log) throws IOException {
        if (!on()) {
            return ChatServer.start(settings, log);
        }
        certificate = cert != null ? ServerCertificate.fromFiles(cert, key)
                : ServerCertificate.selfSigned(ConfigFolder.resolve(configDir));
        return ChatServer.start(settings, TlsContexts.forServer(certificate), log);
    }

    /** With TLS, what the operator tells the users: the certificate's fingerprint, and where it is kept. */
    void describe(PrintStream out) {
        if (certificate != null) {
            out.println("TLS 1.3, certificate SHA-256 " + certificate.fingerprint());
            out.println("certificate " + certificate.origin() + " - clients check its fingerprint on first use");
        }
    }
}
