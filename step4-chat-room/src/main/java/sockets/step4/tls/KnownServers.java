package sockets.step4.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The client's memory of the servers it trusts, like SSH's {@code known_hosts}: one line per
 * server, {@code HOST:PORT FINGERPRINT}, in the file {@code known-servers} of the
 * {@link ConfigFolder}. Lines starting with {@code #} are comments; a user may edit the file.
 */
public final class KnownServers {

    static final String FILE = "known-servers";
    private static final String HEADER = """
            # Servers this chat client trusts: HOST:PORT and the SHA-256 fingerprint of its certificate.
            # When a server's certificate has changed for a good reason, delete its line: the next
            # connection asks again (or give the new one with --trust FINGERPRINT).
            """;

    private final Path file;

    public KnownServers(Path folder) {
        this.file = folder.resolve(FILE);
    }

    /** The file, to name it in a message. */
    public Path file() {
        return file;
    }

    /** The fingerprint remembered for {@code server} ({@code HOST:PORT}), or null if it is not known. */
    public Fingerprint lookup(String server) throws IOException {
        for (String line : lines()) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length == 2 && fields[0].equals(server)) {
                try {
                    return Fingerprint.parse(fields[1]);
                } catch (IllegalArgumentException e) {
                    throw new IOException("line '" + line.strip() + "' of " + file + " is damaged - delete it");
                }
            }
        }
        return null;
    }

    /** Remembers {@code fingerprint} for {@code server}, replacing what was remembered before. */
    public void remember(String server, Fingerprint fingerprint) throws IOException {
        List<String> kept = new ArrayList<>();
        for (String line : lines()) {
            if (!line.strip().startsWith(server + " ")) {
                kept.add(line);
            }
        }
        if (kept.isEmpty()) {
            kept.addAll(HEADER.lines().toList());
        }
        kept.add(server + " " + fingerprint);
        ConfigFolder.create(file.getParent());
        // A new file moved over the old one: a crash half-way never leaves half a file.
        Path next = file.resolveSibling(FILE + ".new");
        Files.write(next, kept, StandardCharsets.UTF_8);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private List<String> lines() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }
}
