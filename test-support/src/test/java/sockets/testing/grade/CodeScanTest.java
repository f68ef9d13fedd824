package sockets.testing.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The scan of a step's compiled code")
class CodeScanTest {

    @TempDir
    Path temp;

    private Path step() {
        return temp.resolve("step9-sample");
    }

    /** The rules broken by a class sockets.step9.Sample whose method {@code run()} has {@code body}. */
    private List<String> violationsOf(String imports, String body) throws IOException {
        Compiled.main(step(), "sockets/step9/Sample.java", "package sockets.step9;\n" + imports
                + "\npublic class Sample {\n    public static void run() throws Exception {\n        " + body + "\n    }\n}\n");
        return Inspection.of(step()).rejections();
    }

    @Test
    @DisplayName("finds nothing in everyday code: records, lambdas, switches, streams, sockets, exit in main")
    void everydayCode() throws IOException {
        Compiled.main(step(), "sockets/step9/Everyday.java", """
                package sockets.step9;
                import java.net.*;
                import java.nio.file.*;
                import java.util.*;
                import java.util.concurrent.*;
                public class Everyday {
                    record Point(int x, String y) {}
                    sealed interface Shape permits Round {}
                    record Round(int r) implements Shape {}
                    public static void main(String[] args) throws Exception {
                        Point p = new Point(1, "y" + args.length);
                        Runnable r = () -> System.out.println(p + " " + Objects.hash(p));
                        r.run();
                        Shape s = new Round(2);
                        String what = switch (s) { case Round round -> "round " + round.r(); };
                        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                            System.err.println(what + server.getLocalPort() + Files.exists(Path.of("x")));
                        }
                        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
                        pool.submit(() -> List.of(1, 2).stream().map(String::valueOf).toList()).get();
                        pool.close();
                        System.out.println(Everyday.class.getSimpleName() + new Object().getClass().getName());
                        System.exit(args.length);
                    }
                }
                """);
        assertEquals(List.of(), Inspection.of(step()).rejections());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Files.writeString(Path.of("r"), "x");              | calls java.nio.file.Files.writeString   | may not write files
            Files.delete(Path.of("r"));                        | calls java.nio.file.Files.delete        | may not write files
            new java.io.FileOutputStream("r").close();         | uses java.io.FileOutputStream           | may not write files
            new java.io.PrintStream("r").close();              | calls java.io.PrintStream.<init>        | may not write files
            new java.io.File("r").delete();                    | calls java.io.File.delete               | may not write files
            new ProcessBuilder("sh").start();                  | uses java.lang.ProcessBuilder           | may not start processes
            Runtime.getRuntime().exec(new String[] {"sh"});    | calls java.lang.Runtime.exec            | may not start processes
            Class.forName("org.junit.Assert");                 | calls java.lang.Class.forName           | may not use reflection
            Sample.class.getDeclaredMethods();                 | calls java.lang.Class.getDeclaredMethods | may not use reflection
            java.lang.invoke.MethodHandles.lookup();           | uses java.lang.invoke.MethodHandles     | may not use reflection
            System.loadLibrary("evil");                        | calls java.lang.System.loadLibrary      | may not load native code
            System.exit(0);                                    | calls java.lang.System.exit             | may not end the JVM
            Runtime.getRuntime().halt(0);                      | calls java.lang.Runtime.halt            | may not end the JVM
            Runtime.getRuntime().addShutdownHook(new Thread()); | calls java.lang.Runtime.addShutdownHook | may not end the JVM
            System.setOut(System.err);                         | calls java.lang.System.setOut           | may not replace System.out
            new javax.script.ScriptEngineManager();           | uses javax.script.ScriptEngineManager   | may use java.lang, java.io
            """)
    @DisplayName("names the class, the call and the rule it breaks")
    void forbidden(String body, String call, String rule) throws IOException {
        List<String> found = violationsOf("import java.nio.file.*;", body);
        assertTrue(found.stream().anyMatch(line -> line.startsWith("sockets.step9.Sample " + call + " (Sample.java:")
                && line.contains("student code " + rule)), "expected '" + call + "' and '" + rule + "' in " + found);
    }

    @Test
    @DisplayName("catches a method reference to a forbidden call, not to a harmless one")
    void methodReference() throws IOException {
        assertEquals(List.of(), violationsOf("import java.nio.file.*;",
                "java.util.function.Predicate<Path> d = Files::isDirectory; d.test(Path.of(\"x\"));"));
        List<String> found = violationsOf("import java.nio.file.*;",
                "java.util.function.Predicate<java.io.File> d = java.io.File::delete; d.test(new java.io.File(\"x\"));");
        assertTrue(found.stream().anyMatch(line -> line.contains("calls java.io.File.delete")), found.toString());
    }

    @Test
    @DisplayName("rejects a class outside the step's package, in one line naming it")
    void outsideThePackage() throws IOException {
        Compiled.main(step(), "org/junit/jupiter/api/Assertions.java",
                "package org.junit.jupiter.api;\npublic class Assertions { public static void assertTrue(boolean b) {} }\n");
        assertEquals(List.of("class org.junit.jupiter.api.Assertions is outside the step's package sockets.step9:"
                        + " a step's code lives in sockets.step9 and the packages below it"),
                Inspection.of(step()).rejections());
    }

    @Test
    @DisplayName("lets the step's allowed-calls.txt open one call to one class, and no more")
    void allowedCalls() throws IOException {
        Files.createDirectories(step().resolve("src/test/resources"));
        Files.writeString(step().resolve(AllowedCalls.FILE),
                "# comment\nsockets.step9.Sample | java.nio.file.Files.delete | the tour cleans up\n");
        assertEquals(List.of(), violationsOf("import java.nio.file.*;", "Files.delete(Path.of(\"r\"));"));
        assertTrue(violationsOf("import java.nio.file.*;", "Files.delete(Path.of(\"r\")); Files.write(Path.of(\"r\"), new byte[0]);")
                .stream().anyMatch(line -> line.contains("Files.write ")));
    }

    @Test
    @DisplayName("allows an array of a class allowed-calls.txt allows, and names its element type otherwise")
    void allowedArrays() throws IOException {
        Compiled.main(step(), "sockets/step9/Chain.java", """
                package sockets.step9;
                public class Chain {
                    public static int length(java.security.cert.X509Certificate[] chain) {
                        return chain.length;
                    }
                }
                """);
        List<String> unallowed = Inspection.of(step()).rejections();
        assertTrue(unallowed.stream().anyMatch(line -> line.startsWith("sockets.step9.Chain uses java.security.cert.X509Certificate ")),
                "the element type named, not [Ljava.security...: " + unallowed);
        Files.createDirectories(step().resolve("src/test/resources"));
        Files.writeString(step().resolve(AllowedCalls.FILE), "sockets.step9.. | java.security.. | certificates\n");
        assertEquals(List.of(), Inspection.of(step()).rejections());
    }

    @Test
    @DisplayName("judges only the classes compiled from src/main/java: another source folder is the course's")
    void onlyTheStudentsSources() throws IOException {
        Compiled.compile(step(), "src/launcher/java", "target/classes", "sockets/step9/Launcher.java",
                "package sockets.step9;\npublic class Launcher { static void go() throws Exception { new ProcessBuilder(\"java\").start(); } }\n");
        assertEquals(List.of(), Inspection.of(step()).rejections());
    }
}
