package sockets.step4;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;
import sockets.step1.Endpoints;
import sockets.step4.tls.ConfigFolder;
import sockets.step4.tls.Fingerprint;
import sockets.step4.tls.KnownServers;
import sockets.step4.tls.ServerTrust;
import sockets.step4.tls.TlsContexts;

/**
 * The TLS options of {@code chat client} (a picocli mixin) and the connection they ask for:
 * plain TCP, or TLS trusting the server on first use, as SSH does - a server is trusted when its
 * certificate's fingerprint is the one remembered in the known-servers file, or the one given
 * with {@code --trust} or {@code --trust-cert}; the first time, a person is shown the
 * fingerprint and asked.
 */
final class ClientTlsOptions {

    @Option(names = "--tls", description = "talk to the server inside TLS 1.3 (the server runs with --tls)")
    boolean tls;

    @Option(names = "--trust", paramLabel = "FINGERPRINT", converter = FingerprintConverter.class,
            description = "trust the server whose certificate has this SHA-256 fingerprint (the server prints it),"
                    + " and remember it; implies --tls")
    Fingerprint trust;

    @Option(names = "--trust-cert", paramLabel = "FILE", description = "trust the server whose certificate is in"
            + " FILE (PEM or DER), and remember it; implies --tls")
    Path trustCert;

    @Option(names = "--config-dir", paramLabel = "DIR", description = "where the known servers are remembered"
            + " (default: $XDG_CONFIG_HOME/sockets-chat, else ~/.config/sockets-chat)")
    String configDir;

    /** {@code --trust} as picocli reads it: a bad fingerprint is a usage error (exit 2). */
    static final class FingerprintConverter implements ITypeConverter<Fingerprint> {
        @Override
        public Fingerprint convert(String typed) {
            try {
                return Fingerprint.parse(typed);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** What is wrong with the options together, or null. */
    String problem() {
        return trust != null && trustCert != null ? "--trust and --trust-cert: give one of them" : null;
    }

    /**
     * Connects to {@code host:port}: plain TCP, or TLS when asked. An unknown server's certificate
     * is shown on {@code terminal} and the user asked - only when {@code mayAsk} (a person at a
     * terminal): a script is never asked, it gets the error line that says how to trust the server.
     */
    SimpleSocket connect(String host, int port, UserTerminal terminal, boolean mayAsk) throws IOException {
        if (!tls && trust == null && trustCert == null) {
            return SimpleSocket.connect(host, port, ChatClient.CONNECT_TIMEOUT_MILLIS, ChatClient.MAX_LINE_BYTES);
        }
        String server = Endpoints.show(host, port);
        KnownServers known = new KnownServers(ConfigFolder.resolve(configDir));
        Fingerprint given = trustCert != null ? Fingerprint.ofCertificateFile(trustCert) : trust;
        ServerTrust trusted = new ServerTrust(server, known, given);
        try {
            SimpleSocket socket = connect(host, port, trusted);
            if (given != null && !given.equals(known.lookup(server))) {
                known.remember(server, given); // The user vouched for it: next time, no --trust needed.
            }
            return socket;
        } catch (IOException e) {
            if (!trusted.unknownServer() || !mayAsk) {
                throw e;
            }
        }
        // First use, and a person at the keyboard: show the fingerprint, ask, remember, connect again.
        terminal.show(server + " is not a known server. The SHA-256 fingerprint of its certificate is");
        terminal.show("  " + trusted.presented());
        terminal.show("Is it the one the server printed when it started? Type yes to trust it, anything else to leave.");
        String answer = terminal.readLine();
        if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).equals("yes")) {
            throw new IOException("not trusted: nothing was sent to " + server);
        }
        known.remember(server, trusted.presented());
        terminal.show("remembered " + server + " in " + known.file());
        return connect(host, port, new ServerTrust(server, known, null));
    }

    private static SimpleSocket connect(String host, int port, ServerTrust trust) throws IOException {
        return TlsWrapper.connect(host, port, ChatClient.CONNECT_TIMEOUT_MILLIS, ChatClient.MAX_LINE_BYTES,
                TlsContexts.forClient(trust));
    }
}
