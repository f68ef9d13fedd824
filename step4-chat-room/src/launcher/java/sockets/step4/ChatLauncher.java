package sockets.step4;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;

/**
 * The jar's entry point, compiled for Java 8 so any {@code java} can start it. On Java 21+ it
 * runs {@link ChatMain}; on an older Java it re-runs the jar with a JDK 21+ found on this machine,
 * or says in one line that the chat needs Java 21.
 */
public final class ChatLauncher {

    private static final int NEEDED = 21;

    private ChatLauncher() {}

    public static void main(String[] args) throws Exception {
        int version = feature(System.getProperty("java.specification.version"));
        if (version >= NEEDED) {
            try {
                // By name: this class is compiled for Java 8 and ChatMain for 21.
                Class.forName("sockets.step4.ChatMain").getMethod("main", String[].class).invoke(null, (Object) args);
            } catch (InvocationTargetException e) {
                throw (Exception) e.getCause();
            }
            return;
        }
        // halt, not exit: the exit code is the child's, whatever our shutdown hook is doing.
        Runtime.getRuntime().halt(runElsewhere(version, findJava21(), System.getProperty("java.class.path"), args));
    }

    /** On a Java older than 21: re-runs the chat with {@code java}, or says why it cannot (exit code 1). */
    static int runElsewhere(int version, String java, String classPath, String[] args) throws Exception {
        if (java == null) {
            System.err.println("error: the chat needs Java " + NEEDED + " or newer (this is Java " + version + ")");
            return 1;
        }
        return relaunch(java, classPath, args);
    }

    /** Runs the chat again with {@code java} and the same arguments, sharing our console; its exit code. */
    static int relaunch(String java, String classPath, String[] args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(java);
        if (classPath.endsWith(".jar")) {
            // Started as `java -jar chat.jar`: the same again.
            command.add("-jar");
            command.add(classPath);
        } else {
            command.add("-cp");
            command.add(classPath);
            command.add(ChatLauncher.class.getName());
        }
        for (String arg : args) {
            command.add(arg);
        }
        final Process child = new ProcessBuilder(command).inheritIO().start();
        // Ctrl-C or SIGTERM on us: pass it on (destroy sends SIGTERM) and exit with the child's goodbye.
        Thread forward = new Thread() {
            @Override
            public void run() {
                child.destroy();
                try {
                    Runtime.getRuntime().halt(child.waitFor());
                } catch (InterruptedException e) {
                    Runtime.getRuntime().halt(1);
                }
            }
        };
        Runtime.getRuntime().addShutdownHook(forward);
        int code = child.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(forward);
        } catch (IllegalStateException e) {
            // A signal arrived as the child ended: the hook halts with the child's code.
        }
        return code;
    }

    /** The first JDK 21+ found: JAVA_HOME, then the usual install folders of Linux and macOS. */
    static String findJava21() {
        List<File> homes = new ArrayList<>();
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null) {
            homes.add(new File(javaHome));
        }
        addChildren(homes, new File("/usr/lib/jvm"), "");
        addChildren(homes, new File("/Library/Java/JavaVirtualMachines"), "Contents/Home");
        for (File home : homes) {
            File java = new File(home, "bin/java");
            if (java.canExecute() && releaseVersion(home) >= NEEDED) {
                return java.getPath();
            }
        }
        return null;
    }

    private static void addChildren(List<File> homes, File folder, String inside) {
        File[] children = folder.listFiles();
        if (children == null) {
            return;
        }
        java.util.Arrays.sort(children); // Newest-looking last is fine: any 21+ will do.
        for (File child : children) {
            homes.add(inside.isEmpty() ? child : new File(child, inside));
        }
    }

    /** JAVA_VERSION from a JDK's {@code release} file, as a feature number; 0 if unknown. */
    private static int releaseVersion(File home) {
        File release = new File(home, "release");
        try (java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                new java.io.FileInputStream(release), java.nio.charset.StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("JAVA_VERSION=")) {
                    return feature(line.substring("JAVA_VERSION=".length()).replace("\"", ""));
                }
            }
        } catch (java.io.IOException e) {
            // No release file: not a JDK we can check, skip it.
        }
        return 0;
    }

    /** "1.8" -> 8, "17.0.2" -> 17, "21" -> 21. */
    static int feature(String version) {
        String[] parts = version.split("[.+-]");
        int first = Integer.parseInt(parts[0]);
        return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
    }
}
