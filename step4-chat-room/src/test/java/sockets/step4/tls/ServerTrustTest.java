package sockets.step4.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import sockets.testing.Exercise;

@Exercise("4.10")
@Timeout(10)
@DisplayName("Trust on first use (ServerTrust.checkServerTrusted)")
class ServerTrustTest {

    private static final String SERVER = "127.0.0.1:5555";

    @TempDir
    Path config;

    static X509Certificate certificate(String name) {
        try {
            Path file = Path.of(ServerTrustTest.class.getResource(name + ".p12").toURI());
            // Read as it is: fromFiles would refuse the expired one, as a server must.
            return CertificateFiles.pkcs12(file, java.nio.file.Files.readAllBytes(file), new char[0]).certificate();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final X509Certificate A = certificate("a");
    private static final X509Certificate B = certificate("b");
    private static final Fingerprint FA = Fingerprint.of(A);
    private static final Fingerprint FB = Fingerprint.of(B);

    private KnownServers known() {
        return new KnownServers(config);
    }

    private static String refusal(ServerTrust trust, X509Certificate presented) {
        CertificateException refused = assertThrows(CertificateException.class,
                () -> trust.checkServerTrusted(new X509Certificate[] {presented}, "ECDHE_ECDSA"),
                "this certificate must be refused: throw a CertificateException - returning means 'trusted'");
        return refused.getMessage();
    }

    private static void accepts(ServerTrust trust, X509Certificate presented) throws CertificateException {
        trust.checkServerTrusted(new X509Certificate[] {presented}, "ECDHE_ECDSA");
    }

    @Test
    @DisplayName("an unknown server is refused, with its fingerprint and how to trust it - and marked unknown")
    void unknownRefused() {
        ServerTrust trust = new ServerTrust(SERVER, known(), null);
        assertEquals(SERVER + " is not a known server: its certificate's SHA-256 fingerprint is " + FA
                + " - check it with the server's operator, then connect with --trust " + FA, refusal(trust, A));
        assertTrue(trust.unknownServer(), "unknownServer() must be true after an unknown certificate: the client asks then");
        assertEquals(FA, trust.presented(), "presented(): the fingerprint of the certificate the server showed");
    }

    @Test
    @DisplayName("another server's entry in the file does not make this one known")
    void otherServersEntryDoesNotCount() throws Exception {
        known().remember("127.0.0.1:5556", FA);
        known().remember("chat.example:5555", FA);
        ServerTrust trust = new ServerTrust(SERVER, known(), null);
        assertTrue(refusal(trust, A).contains("is not a known server"), "known is per HOST:PORT, not per fingerprint");
    }

    @Test
    @DisplayName("a known server showing the certificate remembered is trusted")
    void knownTrusted() throws Exception {
        known().remember(SERVER, FA);
        ServerTrust trust = new ServerTrust(SERVER, known(), null);
        accepts(trust, A);
        assertFalse(trust.unknownServer());
        assertEquals(FA, trust.presented());
    }

    @Test
    @DisplayName("a known server showing another certificate is refused: both fingerprints and the file to edit")
    void changedRefused() throws Exception {
        known().remember(SERVER, FA);
        ServerTrust trust = new ServerTrust(SERVER, known(), null);
        assertEquals("the certificate of " + SERVER + " has changed: known " + FA + ", now " + FB
                + " - if the server really has a new certificate, delete its line in " + config.resolve("known-servers"),
                refusal(trust, B));
        assertFalse(trust.unknownServer(), "a changed certificate is not an unknown server: never ask, refuse");
    }

    @Test
    @DisplayName("the fingerprint given (--trust) is trusted, whatever the file remembers")
    void givenTrusted() throws Exception {
        known().remember(SERVER, FB);
        accepts(new ServerTrust(SERVER, known(), FA), A);
    }

    @Test
    @DisplayName("another certificate than the one given is refused: expected and got")
    void givenMismatchRefused() throws Exception {
        known().remember(SERVER, FB); // Known, yet not what the user asked for.
        assertEquals("the certificate of " + SERVER + " is not the one given: expected " + FA + ", got " + FB,
                refusal(new ServerTrust(SERVER, known(), FA), B));
    }

    @Test
    @DisplayName("a certificate out of its dates is refused, even one given or known")
    void outOfDatesRefused() throws Exception {
        X509Certificate expired = certificate("expired");
        X509Certificate future = certificate("not-yet-valid");
        String until = ServerTrust.date(expired.getNotAfter());
        String from = ServerTrust.date(future.getNotBefore());
        assertEquals("the certificate of " + SERVER + " expired on " + until,
                refusal(new ServerTrust(SERVER, known(), Fingerprint.of(expired)), expired));
        known().remember(SERVER, Fingerprint.of(future));
        assertEquals("the certificate of " + SERVER + " is not valid before " + from,
                refusal(new ServerTrust(SERVER, known(), null), future));
        assertTrue(until.matches("2020-01-31 \\d\\d:\\d\\d UTC"), "dates as yyyy-MM-dd HH:mm UTC: " + until);
    }
}
