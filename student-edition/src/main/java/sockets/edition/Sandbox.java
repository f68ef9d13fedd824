package sockets.edition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Where a submission's build runs. On Linux with bubblewrap ({@code bwrap}, Debian package
 * {@code bubblewrap}): the whole system read-only, the home folder hidden but for Maven's
 * ({@code ~/.m2}: the local repository and the wrapper's Maven), a private {@code /tmp}, only the
 * submission's grading folder writable, no network but a loopback of its own, and every process
 * it started killed when the build ends (its own PID namespace, dying with us). Elsewhere, or
 * with {@code COURSE_SANDBOX=off}, the build runs as it is, and {@link #note} says so.
 */
final class Sandbox {

    private final List<String> prefix;
    private final String note;

    private Sandbox(List<String> prefix, String note) {
        this.prefix = prefix;
        this.note = note;
    }

    /** The sandbox this machine offers. */
    static Sandbox detect(Map<String, String> env) {
        if ("off".equals(env.get("COURSE_SANDBOX"))) {
            return new Sandbox(null, "note: no sandbox (COURSE_SANDBOX=off): the submissions' code runs as you, with your files and the network in reach");
        }
        Path bwrap = onPath(env.get("PATH"), "bwrap");
        if (bwrap == null) {
            return new Sandbox(null, "note: no sandbox - bubblewrap (bwrap) is not installed (Debian/Ubuntu: apt-get install bubblewrap;"
                    + " none on macOS or Windows): the submissions' code runs as you, with your files and the network in reach");
        }
        String failure = tryOut(bwrap);
        if (failure != null) {
            return new Sandbox(null, "note: no sandbox - bubblewrap cannot start one here (" + failure
                    + "): the submissions' code runs as you, with your files and the network in reach");
        }
        return new Sandbox(List.of(bwrap.toString()), null);
    }

    /** One line for the instructor when builds run without a sandbox; null when they have one. */
    String note() {
        return note;
    }

    boolean active() {
        return prefix != null;
    }

    /**
     * {@code command}, to run in {@code writable} (which must not be the home folder itself);
     * {@code readable} are extra paths the build needs to read (Maven's repositories, the JDK).
     */
    List<String> wrap(Path writable, Set<Path> readable, List<String> command, Map<String, String> env) {
        if (prefix == null) {
            return command;
        }
        List<String> line = new ArrayList<>(prefix);
        line.addAll(List.of("--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"));
        String home = env.get("HOME");
        Set<Path> visible = new LinkedHashSet<>();
        if (home != null && !home.isBlank() && !Path.of(home).toAbsolutePath().normalize().toString().equals("/")) {
            Path homeDir = Path.of(home).toAbsolutePath().normalize();
            line.addAll(List.of("--tmpfs", homeDir.toString()));
            visible.add(homeDir.resolve(".m2"));
        }
        visible.addAll(readable);
        for (Path path : visible) {
            if (Files.exists(path)) {
                line.addAll(List.of("--ro-bind", path.toString(), path.toString()));
            }
        }
        line.addAll(List.of("--bind", writable.toString(), writable.toString(),
                "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts",
                "--die-with-parent", "--new-session", "--chdir", writable.toString()));
        line.addAll(command);
        return line;
    }

    private static Path onPath(String path, String program) {
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Null when bwrap starts a sandbox like ours; else what went wrong, in a few words. */
    private static String tryOut(Path bwrap) {
        try {
            Process probe = new ProcessBuilder(bwrap.toString(), "--ro-bind", "/", "/", "--unshare-net", "--unshare-pid",
                    "--die-with-parent", "true").redirectErrorStream(true).start();
            String said = new String(probe.getInputStream().readAllBytes()).strip();
            if (!probe.waitFor(20, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                return "it did not answer";
            }
            return probe.exitValue() == 0 ? null : said.lines().findFirst().orElse("exit " + probe.exitValue());
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
