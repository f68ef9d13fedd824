package sockets.testing;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The command that runs a class's {@code main} in a new JVM like the test's own: the same
 * {@code java}, the same classpath, and the same JaCoCo agent when the test JVM has one, so the
 * lines the child runs count in the step's coverage (the agent appends to the same file, and
 * writes when the child ends normally - a JVM that halts may lose its last lines).
 */
public final class ChildJvm {

    private ChildJvm() {}

    /** {@code java [jacoco agent] -cp CLASSPATH MAIN ARGS...}. */
    public static List<String> command(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(coverageAgent());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * {@code java -cp CLASSPATH MAIN ARGS...} without the JaCoCo agent: for a child that ends by a
     * signal whose shutdown hook halts. JaCoCo writes its data in a shutdown hook too, and a halt
     * in the middle of that write leaves a truncated record in the step's jacoco.exec - then the
     * course's whole coverage report fails to read it.
     */
    public static List<String> commandWithoutCoverage(String mainClass, String... args) {
        List<String> command = new ArrayList<>(command(mainClass, args));
        command.removeAll(coverageAgent());
        return command;
    }

    /** JaCoCo's {@code -javaagent:...} argument of this JVM, if it has one. */
    static List<String> coverageAgent() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith("-javaagent:") && argument.contains("jacoco"))
                .toList();
    }
}
