package sockets.step4.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The server's certificate when none is given: made once, on first start, by the JDK's own
 * {@code keytool} (the command you would type yourself), and kept in {@code server.p12} of the
 * {@link ConfigFolder}, readable by its owner only. Self-signed: nobody vouches for it, so clients
 * trust it on first use, by its fingerprint.
 */
final class SelfSignedCertificate {

    static final String FILE = "server.p12";
    /** Ten years: like an SSH host key, it identifies this server until its operator replaces it. */
    static final int DAYS = 3650;
    private static final long KEYTOOL_SECONDS = 60;

    private SelfSignedCertificate() {}

    /** Where keytool reads from: it asks nothing when given every answer, and reads end of input if it did. */
    private static java.io.File nothing() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    static Path file(Path folder) {
        return folder.resolve(FILE);
    }

    /** The certificate kept in {@code folder}, made first if there is none. */
    static ServerCertificate loadOrMake(Path folder) throws IOException {
        Path file = file(folder);
        boolean made = false;
        if (!Files.exists(file)) {
            ConfigFolder.create(folder);
            Path next = folder.resolve(FILE + ".new-" + ProcessHandle.current().pid());
            make(next, null, DAYS);
            try {
                Files.move(next, file, StandardCopyOption.ATOMIC_MOVE);
                made = true;
            } catch (FileAlreadyExistsException e) {
                Files.delete(next); // Another server made one at the same moment: use theirs.
            }
        }
        ServerCertificate kept = CertificateFiles.pkcs12(file, Files.readAllBytes(file), ServerCertificate.STORE_PASSWORD);
        return kept.from((made ? "self-signed, made now and kept in " : "self-signed, kept in ") + file);
    }

    /**
     * Runs {@code keytool -genkeypair} of the JDK running us: an EC P-256 key (small and fast to
     * sign with: a short handshake) and a certificate valid {@code days} days from
     * {@code startDate} ({@code yyyy/MM/dd}; null for now) in a new PKCS#12 file.
     */
    static void make(Path file, String startDate, int days) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin",
                System.getProperty("os.name").startsWith("Windows") ? "keytool.exe" : "keytool");
        if (!Files.isExecutable(keytool)) {
            throw new IOException("cannot make a certificate: no keytool in " + keytool.getParent()
                    + " (a JRE without tools?) - give one with --cert FILE");
        }
        String password = new String(ServerCertificate.STORE_PASSWORD);
        List<String> command = new ArrayList<>(List.of(keytool.toString(), "-genkeypair", "-alias", "chat",
                "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                "-dname", "CN=sockets-chat server", "-validity", Integer.toString(days),
                "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", password));
        if (startDate != null) {
            command.addAll(List.of("-startdate", startDate));
        }
        // Its output goes to a file: a pipe nobody reads could block it, and a read could wait for ever.
        Path said = Files.createTempFile(file.getParent(), "keytool", ".out");
        Process keytoolRun = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(said.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nothing())).start();
        try {
            if (!keytoolRun.waitFor(KEYTOOL_SECONDS, TimeUnit.SECONDS)) {
                keytoolRun.destroyForcibly();
                throw new IOException("cannot make a certificate: keytool did not finish within " + KEYTOOL_SECONDS + " s");
            }
            if (keytoolRun.exitValue() != 0 || !Files.exists(file)) {
                String last = Files.readString(said, StandardCharsets.UTF_8).strip().lines().reduce((a, b) -> b).orElse("");
                throw new IOException("cannot make a certificate: keytool failed" + (last.isEmpty() ? "" : ": " + last));
            }
            ConfigFolder.ownerOnly(file);
        } catch (InterruptedException e) {
            keytoolRun.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("cannot make a certificate: interrupted");
        } finally {
            Files.deleteIfExists(said);
        }
    }
}
