package sockets.step4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import sockets.step4.CommandLineTest.Run;
import sockets.step4.tls.Fingerprint;
import sockets.testing.Exercise;

@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@DisplayName("The chat command line with TLS")
class TlsCommandLineTest {

    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:\\d+");
    private static final String STARTED = OperatorConsole.GREETING;

    @TempDir
    Path config;

    @Nested
    @Exercise("4.9")
    @DisplayName("chat server --tls")
    class Server {
        @Test
        @DisplayName("makes a self-signed certificate on first start, keeps it, and prints its fingerprint after where it listens")
        void selfSigned() throws Exception {
            Run first = CommandLineTest.chatTyping("/quit\n", "server", "--port", "0", "--tls", "--config-dir", config.toString());
            assertEquals(0, first.exitCode(), first.err());
            Path kept = config.resolve("server.p12");
            assertTrue(Files.isRegularFile(kept), "the certificate is kept in the config folder: " + kept);
            Fingerprint fingerprint = sockets.step4.tls.ServerCertificate.selfSigned(config).fingerprint();
            List<String> lines = first.out().lines().toList();
            assertTrue(LISTENING.matcher(lines.getFirst()).matches(), "the first line is still 'listening on ADDR:PORT': " + lines);
            assertEquals(List.of("TLS 1.3, certificate SHA-256 " + fingerprint,
                    "certificate self-signed, made now and kept in " + kept + " - clients check its fingerprint on first use",
                    STARTED, "server stopped"), lines.subList(1, lines.size()));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)),
                    "the private key is for the server's owner only");

            Run second = CommandLineTest.chatTyping("/quit\n", "server", "--port", "0", "--tls", "--config-dir", config.toString());
            assertEquals(List.of("TLS 1.3, certificate SHA-256 " + fingerprint,
                    "certificate self-signed, kept in " + kept + " - clients check its fingerprint on first use"),
                    second.out().lines().toList().subList(1, 3), "the second start uses the same certificate");
        }

        @Test
        @DisplayName("--cert and --key: a PEM certificate and key made by openssl")
        void pemFiles() {
            Path cert = TestCertificates.file("pem-cert.pem");
            Run run = CommandLineTest.chatTyping("/quit\n", "server", "--port", "0", "--cert", cert.toString(),
                    "--key", TestCertificates.file("pem-key.pem").toString());
            assertEquals(0, run.exitCode(), run.err());
            List<String> lines = run.out().lines().toList();
            assertTrue(lines.get(1).startsWith("TLS 1.3, certificate SHA-256 "), lines.toString());
            assertEquals("certificate from " + cert + " - clients check its fingerprint on first use", lines.get(2));
        }

        @Test
        @DisplayName("a bad certificate stops the server before it listens: exit 1, one line; --key alone is bad usage")
        void badCertificate() {
            Path expired = TestCertificates.file("expired.p12");
            Run run = CommandLineTest.chat("server", "--port", "0", "--cert", expired.toString());
            assertEquals(1, run.exitCode(), run.out());
            assertTrue(run.err().startsWith("error: the certificate in " + expired + " expired on 2020-01-31 "), run.err());
            assertEquals(1, run.err().lines().count(), "one line, no stack trace: " + run.err());
            assertFalse(run.out().contains("listening"), "nothing listens with a bad certificate: " + run.out());

            Run keyAlone = CommandLineTest.chat("server", "--port", "0", "--key", expired.toString());
            assertEquals(2, keyAlone.exitCode(), keyAlone.err());
            assertTrue(keyAlone.err().contains("--key goes with --cert"), keyAlone.err());
        }
    }

    @Nested
    @Exercise("4.10")
    @DisplayName("chat client --tls")
    class Client {
        @Test
        @DisplayName("an unknown server, and no terminal: never asks - exit 1 with the fingerprint and how to trust it")
        void unknownNotAsked() throws Exception {
            try (TestServer chat = TestServer.withTls(TestCertificates.serverContext("a"), 5_000)) {
                String server = "127.0.0.1:" + chat.server.port();
                Fingerprint a = TestCertificates.fingerprint("a");
                Run run = CommandLineTest.chatTyping("yes\nhello\n", "client", "--port", port(chat), "--tls",
                        "--config-dir", config.toString());
                assertEquals(1, run.exitCode());
                assertEquals("error: " + server + " is not a known server: its certificate's SHA-256 fingerprint is " + a
                        + " - check it with the server's operator, then connect with --trust " + a, run.err().strip());
                assertEquals("", run.out(), "nothing shown, nothing asked: stdin is not a terminal");
                assertFalse(Files.exists(config.resolve("known-servers")), "nothing remembered without the user's word");
            }
        }

        @Test
        @DisplayName("--trust FINGERPRINT chats and remembers the server; next time --tls alone is enough")
        void trustRemembered() throws Exception {
            try (TestServer chat = TestServer.withTls(TestCertificates.serverContext("a"), 5_000)) {
                Fingerprint a = TestCertificates.fingerprint("a");
                Run first = CommandLineTest.chatTyping("/nick tessa\n", "client", "--port", port(chat), "--trust",
                        a.hex().toLowerCase().replace(":", ""), "--config-dir", config.toString());
                assertEquals(0, first.exitCode(), first.err());
                assertTrue(first.out().contains("* you are now tessa") && first.out().endsWith("* bye\n"), first.out());
                assertTrue(Files.readAllLines(config.resolve("known-servers")).contains("127.0.0.1:" + port(chat) + " " + a),
                        "the known-servers file remembers HOST:PORT FINGERPRINT");
                Run again = CommandLineTest.chatTyping("", "client", "--port", port(chat), "--tls", "--config-dir", config.toString());
                assertEquals(0, again.exitCode(), "a known server needs no --trust: " + again.err());
            }
        }

        @Test
        @DisplayName("--trust-cert FILE trusts the certificate in the file")
        void trustCert() throws Exception {
            try (TestServer chat = TestServer.withTls(TestCertificates.serverContext("a"), 5_000)) {
                Run run = CommandLineTest.chatTyping("", "client", "--port", port(chat), "--trust-cert",
                        TestCertificates.file("a.pem").toString(), "--config-dir", config.toString());
                assertEquals(0, run.exitCode(), run.err());
                assertTrue(run.out().endsWith("* bye\n"), run.out());
            }
        }

        @Test
        @DisplayName("a changed certificate is refused: exit 1, both fingerprints and the file to edit")
        void changedRefused() throws Exception {
            try (TestServer chat = TestServer.withTls(TestCertificates.serverContext("b"), 5_000)) {
                String server = "127.0.0.1:" + chat.server.port();
                Fingerprint a = TestCertificates.fingerprint("a");
                Fingerprint b = TestCertificates.fingerprint("b");
                Files.writeString(config.resolve("known-servers"), server + " " + a + "\n");
                Run run = CommandLineTest.chatTyping("hello\n", "client", "--port", port(chat), "--tls", "--config-dir", config.toString());
                assertEquals(1, run.exitCode());
                assertEquals("error: the certificate of " + server + " has changed: known " + a + ", now " + b
                        + " - if the server really has a new certificate, delete its line in " + config.resolve("known-servers"),
                        run.err().strip());
                assertEquals("", run.out());
                RobustnessTest.waitFor(() -> TlsTest.refusedHandshake(chat.log()), "the server to see a refused handshake, not a client");
                assertFalse(chat.log().contains("+ guest"), "nobody joined: " + chat.log());
            }
        }

        @Test
        @DisplayName("bad --trust values are usage errors: exit 2")
        void badTrust() {
            Run bad = CommandLineTest.chat("client", "--trust", "12:34");
            assertEquals(2, bad.exitCode(), bad.err());
            assertTrue(bad.err().contains("not a SHA-256 fingerprint: 12:34"), bad.err());
            Run both = CommandLineTest.chat("client", "--trust", TestCertificates.fingerprint("a").hex(), "--trust-cert", "x.pem");
            assertEquals(2, both.exitCode(), both.err());
            assertTrue(both.err().contains("--trust and --trust-cert: give one of them"), both.err());
        }

        @Test
        @DisplayName("a person at a terminal is shown the fingerprint and asked: yes remembers and chats, anything else leaves")
        void personAsked() throws Exception {
            try (TestServer chat = TestServer.withTls(TestCertificates.serverContext("a"), 5_000)) {
                String server = "127.0.0.1:" + chat.server.port();
                Fingerprint a = TestCertificates.fingerprint("a");
                ClientTlsOptions options = new ClientTlsOptions();
                options.tls = true;
                options.configDir = config.toString();

                ScriptedTerminal no = new ScriptedTerminal("no");
                IOException refused = assertThrows(IOException.class,
                        () -> options.connect("127.0.0.1", chat.server.port(), no, true));
                assertEquals("not trusted: nothing was sent to " + server, refused.getMessage());
                assertTrue(no.shown.contains("  " + a), "the fingerprint is shown on a line of its own: " + no.shown);
                assertFalse(Files.exists(config.resolve("known-servers")));

                ScriptedTerminal yes = new ScriptedTerminal("yes");
                try (SimpleSocket socket = options.connect("127.0.0.1", chat.server.port(), yes, true)) {
                    socket.idleTimeout(5_000);
                    assertTrue(socket.receiveLine().startsWith("* welcome"), "connected, inside TLS");
                }
                assertEquals("remembered " + server + " in " + config.resolve("known-servers"), yes.shown.getLast());
                assertTrue(Files.readAllLines(config.resolve("known-servers")).contains(server + " " + a));
            }
        }
    }

    private static String port(TestServer chat) {
        return Integer.toString(chat.server.port());
    }

    /** A person's terminal, typing the lines given; what is shown is kept. */
    static final class ScriptedTerminal implements UserTerminal {
        final List<String> shown = new ArrayList<>();
        private final ArrayDeque<String> typed;

        ScriptedTerminal(String... typed) {
            this.typed = new ArrayDeque<>(List.of(typed));
        }

        @Override
        public String readLine() {
            return typed.poll();
        }

        @Override
        public void show(String line) {
            shown.add(line);
        }

        @Override
        public void close() {
            // Nothing to restore.
        }
    }
}
