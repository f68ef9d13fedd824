package sockets.step4.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The certificate and trust helpers the exercise builds on (given code: not graded). */
@Timeout(10)
@DisplayName("TLS parts: fingerprints, the config folder, known servers, certificate files")
class TlsPartsTest {

    @TempDir
    Path folder;

    static Path resource(String name) {
        try {
            return Path.of(TlsPartsTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Nested
    @DisplayName("Fingerprint")
    class Fingerprints {
        @Test
        @DisplayName("is written as openssl and keytool write it, and read back however it is pasted")
        void writtenAndRead() throws Exception {
            Fingerprint a = Fingerprint.ofCertificateFile(resource("a.pem"));
            assertTrue(a.hex().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), a.hex());
            assertEquals(a, ServerCertificate.fromFiles(resource("a.p12"), null).fingerprint(), "the same certificate, PEM or PKCS#12");
            for (String typed : List.of(a.hex(), a.hex().toLowerCase(), a.hex().replace(":", ""), "SHA256:" + a.hex(),
                    "sha256 Fingerprint=" + a.hex(), "  " + a.hex() + "\n")) {
                assertEquals(a, Fingerprint.parse(typed), "read back: " + typed);
            }
            for (String bad : List.of("", "AB:CD", a.hex() + "00", a.hex().replace('A', 'G'))) {
                var e = assertThrows(IllegalArgumentException.class, () -> Fingerprint.parse(bad));
                assertTrue(e.getMessage().startsWith("not a SHA-256 fingerprint: "), e.getMessage());
            }
        }
    }

    @Nested
    @DisplayName("ConfigFolder")
    class Folder {
        @Test
        @DisplayName("is $XDG_CONFIG_HOME/sockets-chat when that is absolute, else ~/.config/sockets-chat")
        void xdgRule() {
            assertEquals(Path.of("/x/conf/sockets-chat"), ConfigFolder.resolve(Map.of("XDG_CONFIG_HOME", "/x/conf"), "/home/u"));
            assertEquals(Path.of("/home/u/.config/sockets-chat"), ConfigFolder.resolve(Map.of(), "/home/u"));
            assertEquals(Path.of("/home/u/.config/sockets-chat"), ConfigFolder.resolve(Map.of("XDG_CONFIG_HOME", "rel"), "/home/u"));
            assertEquals(Path.of("/chosen"), ConfigFolder.resolve("/chosen"));
        }
    }

    @Nested
    @DisplayName("KnownServers")
    class Known {
        @Test
        @DisplayName("remembers one line per server, replaces a server's line, keeps the others and the user's comments")
        void remembers() throws Exception {
            Fingerprint a = Fingerprint.ofCertificateFile(resource("a.pem"));
            Fingerprint b = ServerCertificate.fromFiles(resource("b.p12"), null).fingerprint();
            KnownServers known = new KnownServers(folder.resolve("new"));
            assertNull(known.lookup("h:1"), "no file yet: nobody is known");
            known.remember("h:1", a);
            known.remember("[::1]:2", b);
            Files.writeString(known.file(), "# mine\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
            known.remember("h:1", b);
            assertEquals(b, known.lookup("h:1"));
            assertEquals(b, known.lookup("[::1]:2"));
            assertNull(known.lookup("h:2"));
            List<String> lines = Files.readAllLines(known.file());
            assertEquals(1, lines.stream().filter(line -> line.startsWith("h:1 ")).count(), "one line per server: " + lines);
            assertTrue(lines.contains("# mine"), "the user's own lines stay: " + lines);
        }

        @Test
        @DisplayName("a damaged line is named, not skipped")
        void damaged() throws Exception {
            Files.writeString(folder.resolve("known-servers"), "h:1 not-a-fingerprint\n");
            IOException e = assertThrows(IOException.class, () -> new KnownServers(folder).lookup("h:1"));
            assertEquals("line 'h:1 not-a-fingerprint' of " + folder.resolve("known-servers") + " is damaged - delete it",
                    e.getMessage());
        }
    }

    @Nested
    @DisplayName("Certificate files")
    class Files_ {
        @Test
        @DisplayName("PEM certificate with its key apart, or both in one file")
        void pem() throws Exception {
            Path cert = resource("pem-cert.pem");
            Path key = resource("pem-key.pem");
            ServerCertificate apart = ServerCertificate.fromFiles(cert, key);
            assertEquals(Fingerprint.ofCertificateFile(cert), apart.fingerprint());
            assertEquals("from " + cert, apart.origin());
            Path both = folder.resolve("both.pem");
            Files.writeString(both, Files.readString(key) + Files.readString(cert));
            assertEquals(apart.fingerprint(), ServerCertificate.fromFiles(both, null).fingerprint());
        }

        @Test
        @DisplayName("each bad file is one line naming it")
        void badFiles() throws Exception {
            Path cert = resource("pem-cert.pem");
            Path otherKey = folder.resolve("other-key.pem");
            Files.writeString(otherKey, pemKeyOf("b.p12"));
            Path oldKey = folder.resolve("old.pem");
            Files.writeString(oldKey, "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n");
            Path junk = folder.resolve("junk.p12");
            Files.write(junk, new byte[] {1, 2, 3, 4});
            Path expired = resource("expired.p12");
            assertEquals("no such file: " + folder.resolve("none.pem"), failure(folder.resolve("none.pem"), null));
            assertEquals(cert + " holds no private key (-----BEGIN PRIVATE KEY-----) - give it with --key FILE", failure(cert, null));
            assertEquals("the private key in " + cert + " and " + otherKey + " does not belong to its certificate",
                    failure(cert, otherKey));
            assertTrue(failure(cert, oldKey).startsWith(oldKey + " holds a EC PRIVATE KEY in an old format - convert it: openssl pkcs8"));
            assertTrue(failure(junk, null).startsWith(junk + " is neither PEM nor PKCS#12"), failure(junk, null));
            assertTrue(failure(expired, null).matches("the certificate in " + java.util.regex.Pattern.quote(expired.toString())
                    + " expired on 2020-01-31 \\d\\d:\\d\\d UTC - make a new one"), failure(expired, null));
            assertTrue(failure(resource("not-yet-valid.p12"), null).contains(" is not valid before 2099-01-01"));
        }

        @Test
        @DisplayName("more bad files: a PKCS#12 with --key or the wrong password, PEM blocks damaged, encrypted or missing")
        void moreBadFiles() throws Exception {
            Path p12 = resource("a.p12");
            Path cert = resource("pem-cert.pem");
            assertEquals(p12 + " is not a PEM file: --key goes with a PEM certificate only",
                    assertThrows(IOException.class, () -> CertificateFiles.read(p12, cert, new char[0])).getMessage());
            assertEquals("cannot open " + p12 + ": wrong password - set CHAT_CERT_PASSWORD to the file's password",
                    assertThrows(IOException.class, () -> CertificateFiles.read(p12, null, "wrong".toCharArray())).getMessage());
            Path keyOnly = pem("key-only.pem", pemKeyOf("a.p12"));
            assertEquals(keyOnly + " holds no certificate (-----BEGIN CERTIFICATE-----)", failure(keyOnly, null));
            Path encrypted = pem("encrypted.pem", block("ENCRYPTED PRIVATE KEY", "AAAA"));
            assertTrue(failure(cert, encrypted).startsWith(encrypted + " holds an encrypted key - decrypt it: openssl pkcs8"));
            Path strangeKey = pem("strange.pem", block("PRIVATE KEY", "AAAA"));
            assertEquals(strangeKey + ": a private key of a kind this chat cannot use (EC, RSA and Ed25519 work)",
                    failure(cert, strangeKey));
            Path badCert = pem("bad-cert.pem", block("CERTIFICATE", "AAAA"));
            assertTrue(failure(badCert, null).startsWith(badCert + ": a certificate that cannot be read"), failure(badCert, null));
            Path damaged = pem("damaged.pem", block("CERTIFICATE", "A===A"));
            assertTrue(failure(damaged, null).startsWith("a damaged PEM block CERTIFICATE"), failure(damaged, null));
            assertEquals("no such file: " + folder.resolve("none.pem"),
                    assertThrows(IOException.class, () -> Fingerprint.ofCertificateFile(folder.resolve("none.pem"))).getMessage());
            assertEquals(strangeKey + " holds no certificate that can be read (PEM or DER)",
                    assertThrows(IOException.class, () -> Fingerprint.ofCertificateFile(strangeKey)).getMessage());
        }

        private Path pem(String name, String text) throws IOException {
            return Files.writeString(folder.resolve(name), text);
        }

        private static String block(String type, String base64) {
            return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
        }

        private static String failure(Path cert, Path key) {
            return assertThrows(IOException.class, () -> ServerCertificate.fromFiles(cert, key)).getMessage();
        }

        /** Server {@code p12}'s key as PKCS#8 PEM: a real key that is not the PEM certificate's. */
        private static String pemKeyOf(String p12) throws Exception {
            var store = java.security.KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(resource(p12))) {
                store.load(in, new char[0]);
            }
            var key = store.getKey(store.aliases().nextElement(), new char[0]);
            return "-----BEGIN PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder().encodeToString(key.getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
        }
    }
}
