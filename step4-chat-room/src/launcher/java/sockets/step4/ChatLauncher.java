package sockets.step4;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The jar's entry point, compiled for Java 8 so any {@code java} can start it. On Java 21+ it
 * runs {@link ChatMain} (or the class the jar's manifest names as {@code Chat-Main}: step 5's jar
 * starts its own); on an older Java it re-runs the jar with a JDK 21+ found on this machine the
 * way the course's scripts find one, or says in one line that there is none.
 */
public final class ChatLauncher {

    private static final int NEEDED = 21;

    private ChatLauncher() {}

    public static void main(String[] args) throws Exception {
        int version = feature(System.getProperty("java.specification.version"));
        if (version >= NEEDED) {
            try {
                // By name: this class is compiled for Java 8 and ChatMain for 21.
                Class.forName(chatMain(System.getProperty("java.class.path"))).getMethod("main", String[].class)
                        .invoke(null, (Object) args);
            } catch (InvocationTargetException e) {
                throw (Exception) e.getCause();
            }
            return;
        }
        // halt, not exit: the exit code is the child's, whatever our shutdown hook is doing.
        Runtime.getRuntime().halt(runElsewhere(findJava21(version, System.getenv()), System.getProperty("java.class.path"), args));
    }

    /** The class to run: the {@code Chat-Main} of the jar we were started from, else step 4's ChatMain. */
    static String chatMain(String classPath) {
        if (classPath.endsWith(".jar")) {
            try (java.util.jar.JarFile jar = new java.util.jar.JarFile(classPath)) {
                java.util.jar.Manifest manifest = jar.getManifest();
                String named = manifest == null ? null : manifest.getMainAttributes().getValue("Chat-Main");
                if (named != null) {
                    return named.trim();
                }
            } catch (java.io.IOException e) {
                // Not a jar we can read: the default below.
            }
        }
        return "sockets.step4.ChatMain";
    }

    /** On a Java older than 21: re-runs the chat with {@code java}, or exits 1 when none was found (and said so). */
    static int runElsewhere(String java, String classPath, String[] args) throws Exception {
        return java == null ? 1 : relaunch(java, classPath, args);
    }

    /**
     * The command that runs the chat again: {@code java}, then {@code jvmOptions}, then the jar (or
     * this class on {@code classPath}) with {@code args}.
     */
    static List<String> command(String java, List<String> jvmOptions, String classPath, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
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
        return command;
    }

    /**
     * The system properties among a JVM's options ({@code -Dname=value}): what the user set for the
     * chat, such as {@code -Djdk.virtualThreadScheduler.parallelism=8}. Other options stay behind:
     * an older JVM's {@code -XX:} flags may not exist in the newer one, which would refuse to start.
     */
    static List<String> systemProperties(List<String> jvmOptions) {
        List<String> properties = new ArrayList<>();
        for (String option : jvmOptions) {
            if (option.startsWith("-D")) {
                properties.add(option);
            }
        }
        return properties;
    }

    /**
     * Runs the chat again with {@code java}, our system properties ({@code -D...}) and the same
     * arguments, sharing our console; its exit code.
     */
    static int relaunch(String java, String classPath, String[] args) throws Exception {
        List<String> command = command(java, systemProperties(ManagementFactory.getRuntimeMXBean().getInputArguments()),
                classPath, args);
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

    /**
     * The {@code java} of a JDK 21+ on this machine, chosen the one way the whole course chooses it:
     * by {@code .mvn/pick-jdk.sh} (which {@code ./mvnw}, {@code ./chat} and {@code ./course} source),
     * packed into this jar and run by {@code /bin/sh} with {@code environment} (JAVA_HOME, PATH).
     * Null when there is none: then the script's one line saying why is on stderr.
     */
    static String findJava21(int version, Map<String, String> environment) throws Exception {
        InputStream script = ChatLauncher.class.getResourceAsStream("pick-jdk.sh");
        if (script == null || !new File("/bin/sh").canExecute()) {
            System.err.println("error: the chat needs Java " + NEEDED + " or newer (this is Java " + version + ")");
            return null;
        }
        // The script sets JAVA_HOME, or prints one line saying why it cannot and exits 1.
        ProcessBuilder pick = new ProcessBuilder("/bin/sh", "-c",
                read(script) + "\nprintf '%s' \"$JAVA_HOME/bin/java\"\n");
        pick.environment().clear();
        pick.environment().putAll(environment);
        Process sh = pick.start();
        sh.getOutputStream().close();
        String java = read(sh.getInputStream());
        System.err.print(read(sh.getErrorStream()));
        return sh.waitFor() == 0 && new File(java).canExecute() ? java : null;
    }

    private static String read(InputStream in) throws IOException {
        try (InputStream stream = in) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int count;
            while ((count = stream.read(buffer)) != -1) {
                bytes.write(buffer, 0, count);
            }
            return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
        }
    }

    /** "1.8" -> 8, "17.0.2" -> 17, "21" -> 21. */
    static int feature(String version) {
        String[] parts = version.split("[.+-]");
        int first = Integer.parseInt(parts[0]);
        return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
    }
}
