package sockets.step4.tls;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import javax.net.ssl.X509TrustManager;

/**
 * The chat client's trust in one server, decided as SSH decides it - trust on first use: the
 * certificate is known by its {@link Fingerprint}, remembered in {@link KnownServers} or given by
 * the user ({@code --trust}, {@code --trust-cert}); no certificate authority is asked. The JDK
 * calls {@link #checkServerTrusted} in the middle of the handshake: throwing there ends it, so a
 * client never sends a byte to a server it does not trust.
 */
public final class ServerTrust implements X509TrustManager {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final String server;
    private final KnownServers known;
    private final Fingerprint given;
    private Fingerprint presented;
    private boolean unknown;

    /**
     * Trust for {@code server} ({@code HOST:PORT}, as the user named it): the certificate whose
     * fingerprint is {@code given}, or - when {@code given} is null - the one {@code known}
     * remembers for it.
     */
    public ServerTrust(String server, KnownServers known, Fingerprint given) {
        this.server = server;
        this.known = known;
        this.given = given;
    }

    /**
     * Accepts the server's certificate ({@code chain[0]}; the rest of the chain is not used), or
     * throws a {@link CertificateException} whose message is the one line the user sees. In this
     * order:
     * <ol>
     * <li>out of its dates: {@code the certificate of SERVER expired on DATE} or
     *     {@code the certificate of SERVER is not valid before DATE} (DATE as {@link #date} writes it);
     * <li>a fingerprint was given and this is not it: {@code the certificate of SERVER is not the
     *     one given: expected GIVEN, got PRESENTED};
     * <li>none given and none known: {@code SERVER is not a known server: its certificate's SHA-256
     *     fingerprint is PRESENTED - check it with the server's operator, then connect with
     *     --trust PRESENTED} (and {@link #unknownServer()} is true from then on);
     * <li>known, but another: {@code the certificate of SERVER has changed: known KNOWN, now
     *     PRESENTED - if the server really has a new certificate, delete its line in FILE} (FILE:
     *     {@link KnownServers#file()}).
     * </ol>
     * {@link #presented()} is the certificate's fingerprint, whatever the verdict.
     */
    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
            throws CertificateException {
        // tag::solution-4.10[]
        // tag::check-server[]
        // tag::trust-dates[]
        X509Certificate certificate = chain[0];
        presented = Fingerprint.of(certificate);
        try {
            certificate.checkValidity();
        } catch (CertificateExpiredException e) {
            throw refused("expired on " + date(certificate.getNotAfter()));
        } catch (CertificateNotYetValidException e) {
            throw refused("is not valid before " + date(certificate.getNotBefore()));
        }
        // end::trust-dates[]
        // tag::trust-fingerprint[]
        if (given != null) {
            if (!given.equals(presented)) {
                throw refused("is not the one given: expected " + given + ", got " + presented);
            }
            return; // The user vouched for this very certificate.
        }
        Fingerprint remembered = remembered();
        if (remembered == null) {
            unknown = true; // First use: the caller may ask the user, then connect again.
            throw new CertificateException(server + " is not a known server: its certificate's"
                    + " SHA-256 fingerprint is " + presented + " - check it with the server's"
                    + " operator, then connect with --trust " + presented);
        }
        if (!remembered.equals(presented)) {
            throw refused("has changed: known " + remembered + ", now " + presented + " - if the"
                    + " server really has a new certificate, delete its line in " + known.file());
        }
        // end::trust-fingerprint[]
        // end::check-server[]
        // end::solution-4.10[]
    }

    /** {@code the certificate of SERVER WHY}: the refusal the user reads. */
    private CertificateException refused(String why) {
        return new CertificateException("the certificate of " + server + " " + why);
    }

    /** The fingerprint {@link KnownServers} remembers for this server, or null. */
    private Fingerprint remembered() throws CertificateException {
        try {
            return known.lookup(server);
        } catch (IOException e) {
            throw new CertificateException("cannot read " + known.file() + ": " + e.getMessage());
        }
    }

    /** A certificate's date for a user: {@code 2030-01-31 12:00 UTC}. */
    static String date(Date date) {
        return DATE.format(date.toInstant());
    }

    /** The fingerprint of the certificate the server presented; null before the handshake reached it. */
    public Fingerprint presented() {
        return presented;
    }

    /** True when the server presented a certificate nobody vouched for yet (first use). */
    public boolean unknownServer() {
        return unknown;
    }

    /** The server this trust is about, as {@code HOST:PORT}. */
    public String server() {
        return server;
    }

    /** The chat never asks clients for certificates: a server calling this is refused. */
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this chat client does not check client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
