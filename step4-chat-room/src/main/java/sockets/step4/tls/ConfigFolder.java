package sockets.step4.tls;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Where the chat keeps what it must remember between runs: the server's certificate and the
 * client's known servers. {@code $XDG_CONFIG_HOME/sockets-chat}, else
 * {@code ~/.config/sockets-chat} (the XDG base directory rule), unless {@code --config-dir} says
 * otherwise.
 */
public final class ConfigFolder {

    static final String NAME = "sockets-chat";

    private ConfigFolder() {}

    /** {@code chosen} if given, else the folder the XDG rule gives for this process. */
    public static Path resolve(String chosen) {
        // $HOME as the XDG rule says; Java's user.home comes from the password file and ignores it.
        String home = System.getenv().getOrDefault("HOME", System.getProperty("user.home"));
        return chosen != null ? Path.of(chosen) : resolve(System.getenv(), home);
    }

    /** The XDG rule: an absolute {@code XDG_CONFIG_HOME}, else {@code HOME/.config}. */
    static Path resolve(Map<String, String> environment, String home) {
        String xdg = environment.get("XDG_CONFIG_HOME");
        // The specification ignores a relative value: it would depend on the current folder.
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(home, ".config");
        return base.resolve(NAME);
    }

    /** Creates {@code folder} if needed, readable by its owner only (a private key goes in it). */
    static void create(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(folder);
        }
    }

    /** Makes {@code file} readable and writable by its owner only, where the file system can say so. */
    static void ownerOnly(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
