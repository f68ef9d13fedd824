package sockets.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509TrustManager;

/**
 * The chat server started with {@code --tls} (its own self-signed certificate, made in a fresh
 * {@code --config-dir}), and clients that speak TLS 1.3 to it as {@code chat client --tls} does:
 * they trust exactly the certificate whose fingerprint the server printed, nothing else.
 */
final class TlsChatRelay implements Relay {
    private static final Pattern FINGERPRINT = Pattern.compile("^TLS 1\\.3, certificate SHA-256 ([0-9A-F:]{95})$");
    private final ChatRelay chat;
    private final SSLContext tls;

    private TlsChatRelay(ChatRelay chat, SSLContext tls) {
        this.chat = chat;
        this.tls = tls;
    }

    /** Starts {@code chat.jar server --tls --config-dir CONFIG} and reads the fingerprint it prints. */
    static TlsChatRelay start(Path java, Path jar, PrintStream log, Path config) throws IOException, InterruptedException {
        ChatRelay chat = ChatRelay.start(Results.STEP4 + " --tls", java, jar, 1_000, log, "--tls", "--config-dir", config.toString());
        try {
            String line = chat.awaitOutput(l -> FINGERPRINT.matcher(l).matches(), 30_000);
            if (line == null) {
                throw new IOException("the chat server started with --tls printed no 'TLS 1.3, certificate SHA-256 ...' line");
            }
            Matcher m = FINGERPRINT.matcher(line);
            m.matches();
            SSLContext tls = SSLContext.getInstance("TLSv1.3");
            tls.init(null, new X509TrustManager[] {new PinnedCertificate(m.group(1))}, null);
            return new TlsChatRelay(chat, tls);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            chat.close();
            throw e instanceof IOException io ? io : new IOException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return Results.STEP4 + " --tls";
    }

    @Override
    public Pair open() throws IOException {
        Socket a = connect();
        Socket b = null;
        try {
            b = connect();
            Pair pair = new Pair(a, b, null);
            ChatRelay.awaitRoom(pair);
            return pair;
        } catch (IOException | RuntimeException e) {
            Pair.closeQuietly(a);
            Pair.closeQuietly(b);
            throw e;
        }
    }

    /** A TCP connection as {@link Pair#connect} makes it, wrapped in TLS, its handshake done. */
    SSLSocket connect() throws IOException {
        return wrap(Pair.connect(chat.address()));
    }

    /** {@code tcp} (connected to this server) wrapped in TLS 1.3, its handshake done; closed on failure. */
    SSLSocket wrap(Socket tcp) throws IOException {
        try {
            SSLSocket wrapped = (SSLSocket) tls.getSocketFactory()
                    .createSocket(tcp, chat.address().getHostString(), chat.address().getPort(), true);
            wrapped.setEnabledProtocols(new String[] {"TLSv1.3"});
            wrapped.startHandshake(); // bounded: the TCP socket's read timeout is Pair.TIMEOUT_MILLIS
            return wrapped;
        } catch (IOException | RuntimeException e) {
            Pair.closeQuietly(tcp);
            throw e;
        }
    }

    InetSocketAddress address() {
        return chat.address();
    }

    @Override
    public void close() {
        chat.close();
    }

    /** Trusts one certificate, known by the SHA-256 fingerprint the server printed. */
    private record PinnedCertificate(String fingerprint) implements X509TrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded());
                String presented = HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
                if (!presented.equals(fingerprint)) {
                    throw new CertificateException("not the certificate the server printed: " + presented);
                }
            } catch (GeneralSecurityException e) {
                throw new CertificateException(e);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a client of the benchmark never checks clients");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
