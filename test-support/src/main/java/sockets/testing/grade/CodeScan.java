package sockets.testing.grade;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.SourceCodeLocation;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

// Why a scan: the student's code runs in the same JVM as the graded tests, so whatever the tests
// or the grade listener write, it could rewrite. Forging a result takes one of the things the
// rules below forbid (writing a file, a process that outlives the tests, reflection on the test
// engine, native code, ending the JVM, hijacking System.out), so code that does none of them
// cannot forge - and code that does one scores 0 before its tests even run.

/**
 * The course's rules for a step's compiled code (its {@code target/classes}), read from the
 * class files with ArchUnit - nothing of the step is loaded or run: every class lives in the
 * step's own package ({@code sockets.stepN} and below), and no class writes files, starts
 * processes, uses reflection or method handles, loads native code, ends the JVM or replaces
 * {@code System.out}/{@code err}/{@code in} - except the calls the step lists in
 * {@code src/test/resources/allowed-calls.txt} ({@link AllowedCalls}). A {@code main} method may
 * call {@code System.exit}: a program's exit code is its answer.
 */
public final class CodeScan {

    /** The JDK packages student code may use (subpackages only where written with ".."). */
    private static final List<String> JDK = List.of("java.lang", "java.lang.annotation", "java.lang.ref",
            "java.lang.runtime", "java.io", "java.math", "java.net", "java.nio", "java.nio.channels",
            "java.nio.charset", "java.nio.file", "java.nio.file.attribute", "java.text", "java.time..",
            "java.util", "java.util.concurrent..", "java.util.function", "java.util.regex", "java.util.stream",
            // The JDK's extended socket options (TCP_KEEPIDLE...: keepalive, step 3).
            "jdk.net");

    /** Reading a file is fine; every other method of {@code Files} writes, deletes or opens for writing. */
    private static final Set<String> FILES_READ = Set.of("exists", "notExists", "isDirectory", "isRegularFile",
            "isReadable", "isWritable", "isExecutable", "isHidden", "isSymbolicLink", "isSameFile", "size",
            "readAllBytes", "readString", "readAllLines", "lines", "newBufferedReader", "newInputStream", "list",
            "walk", "find", "newDirectoryStream", "getLastModifiedTime", "readAttributes", "getAttribute",
            "getOwner", "getPosixFilePermissions", "probeContentType", "readSymbolicLink", "mismatch", "getFileStore");

    private static final Set<String> FILE_WRITES = Set.of("delete", "deleteOnExit", "createNewFile", "createTempFile",
            "mkdir", "mkdirs", "renameTo", "setExecutable", "setLastModified", "setReadable", "setReadOnly", "setWritable");

    private static final Set<String> CLASS_REFLECTION = Set.of("forName", "getMethod", "getMethods",
            "getDeclaredMethod", "getDeclaredMethods", "getField", "getFields", "getDeclaredField", "getDeclaredFields",
            "getConstructor", "getConstructors", "getDeclaredConstructor", "getDeclaredConstructors", "newInstance",
            "getClassLoader", "getModule", "getResource", "getResourceAsStream", "getRecordComponents",
            "getEnclosingMethod", "getEnclosingConstructor", "getProtectionDomain", "getNestHost", "getNestMembers",
            "getDeclaredClasses", "getClasses");

    /** What each rule forbids, as the grade says it. */
    static final String FILES = "student code may not write files";
    static final String PROCESSES = "student code may not start processes";
    static final String REFLECTION = "student code may not use reflection, method handles or class loaders";
    static final String NATIVE = "student code may not load native code";
    static final String EXIT = "student code may not end the JVM (System.exit only in a main method)";
    static final String STREAMS = "student code may not replace System.out, System.err or System.in";
    static final String PACKAGES = "student code may use java.lang, java.io, java.net, java.nio, java.time, java.util,"
            + " jdk.net and the course's own code";

    private CodeScan() {}

    /**
     * Every rule {@code classes} (a step's {@code target/classes}) breaks, one line each, for the
     * step in package {@code stepPackage}; empty when it breaks none or was not compiled. The calls
     * are judged in the classes compiled from {@code sources} (the step's {@code src/main/java},
     * the student's part): a class the course compiles from a source folder of its own (step 4's
     * launcher) is the course's code.
     */
    public static List<String> violations(Path classes, Path sources, String stepPackage, AllowedCalls allowed)
            throws IOException {
        if (!Files.isDirectory(classes)) {
            return List.of();
        }
        // One line per class, use and rule: the first place it happens (a class that forges does it often).
        Map<String, String> found = new LinkedHashMap<>();
        outsideThePackage(classes, stepPackage).forEach(line -> found.put(line, line));
        // Only the step's own classes: the JDK and the libraries are not read (and not judged).
        JavaClasses imported = new ClassFileImporter().importPath(classes);
        for (JavaClass type : imported) {
            if (!inPackage(type.getName(), stepPackage) || !fromSources(type, sources)) {
                continue; // outside the package: already said; from another source folder: the course's
            }
            for (JavaMethod method : type.getMethods()) {
                if (method.getModifiers().contains(JavaModifier.NATIVE)) {
                    String line = type.getName() + " declares the native method " + method.getName() + "(): " + NATIVE;
                    found.put(line, line);
                }
            }
            for (JavaAccess<?> access : type.getAccessesFromSelf()) {
                AccessTarget target = access.getTarget();
                String rule = forbiddenCall(access.getOrigin(), target);
                String call = target.getOwner().getName() + "." + displayName(target);
                if (rule != null && !allowed.allows(type.getName(), call)) {
                    String what = type.getName() + " calls " + call;
                    found.putIfAbsent(what, what + where(access.getSourceCodeLocation()) + ": " + rule);
                }
            }
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                // An array is judged, and allowed, by its element type: X509Certificate[] is X509Certificate.
                JavaClass used = dependency.getTargetClass();
                while (used.isArray()) {
                    used = used.getComponentType();
                }
                String target = used.getName();
                String rule = forbiddenClass(used);
                if (rule != null && !allowed.allows(type.getName(), target)) {
                    String what = type.getName() + " uses " + target.replace('$', '.');
                    found.putIfAbsent(what, what + where(dependency.getSourceCodeLocation()) + ": " + rule);
                }
            }
        }
        return List.copyOf(found.values());
    }

    /** "Files.writeString", "PrintStream(String)" for a constructor. */
    private static String displayName(AccessTarget target) {
        return target.getName().equals("<init>") ? "<init>" : target.getName();
    }

    /** " (File.java:12)", or " (File.java)" for what has no line (a superclass, an annotation). */
    private static String where(SourceCodeLocation location) {
        int line = location.getLineNumber();
        return " (" + location.getSourceFileName() + (line > 0 ? ":" + line : "") + ")";
    }

    /** The class files that are not in {@code stepPackage} or below it, as "class X is outside...". */
    private static List<String> outsideThePackage(Path classes, String stepPackage) throws IOException {
        List<String> outside = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String relative = classes.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                String name = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
                if (!inPackage(name, stepPackage)) {
                    outside.add("class " + name.replace('$', '.') + " is outside the step's package " + stepPackage
                            + ": a step's code lives in " + stepPackage + " and the packages below it");
                }
            }
        }
        return outside;
    }

    /** Whether {@code type} was compiled from a file of {@code sources} (when its class file does not say, it is judged). */
    private static boolean fromSources(JavaClass type, Path sources) {
        Optional<String> file = type.getSource().flatMap(source -> source.getFileName());
        if (file.isEmpty()) {
            return true;
        }
        return Files.isRegularFile(sources.resolve(type.getPackageName().replace('.', '/')).resolve(file.get()));
    }

    static boolean inPackage(String className, String stepPackage) {
        return className.startsWith(stepPackage + ".") && !className.endsWith("module-info");
    }

    /** The rule a call breaks, or null. */
    private static String forbiddenCall(JavaCodeUnit origin, AccessTarget target) {
        String owner = target.getOwner().getName();
        String name = target.getName();
        return switch (owner) {
            case "java.nio.file.Files" -> FILES_READ.contains(name) ? null : FILES;
            case "java.nio.file.FileSystems" -> name.equals("newFileSystem") ? FILES : null;
            case "java.io.File" -> FILE_WRITES.contains(name) ? FILES : null;
            case "java.io.PrintStream", "java.io.PrintWriter", "java.util.Formatter" ->
                    name.equals("<init>") && opensAFile(target) ? FILES : null;
            case "java.lang.System" -> switch (name) {
                case "exit" -> isMain(origin) ? null : EXIT;
                case "setOut", "setErr", "setIn" -> STREAMS;
                case "load", "loadLibrary" -> NATIVE;
                default -> null;
            };
            case "java.lang.Runtime" -> switch (name) {
                case "exit", "halt", "addShutdownHook" -> EXIT;
                case "exec" -> PROCESSES;
                case "load", "loadLibrary" -> NATIVE;
                default -> null;
            };
            case "java.lang.Class" -> CLASS_REFLECTION.contains(name) ? REFLECTION : null;
            case "java.lang.Thread" -> name.endsWith("ContextClassLoader") ? REFLECTION : null;
            default -> null;
        };
    }

    /** A PrintStream, PrintWriter or Formatter made from a file name or a File opens that file for writing. */
    private static boolean opensAFile(AccessTarget target) {
        if (!(target instanceof AccessTarget.CodeUnitAccessTarget codeUnit) || codeUnit.getRawParameterTypes().isEmpty()) {
            return false;
        }
        String first = codeUnit.getRawParameterTypes().getFirst().getName();
        return first.equals("java.lang.String") || first.equals("java.io.File");
    }

    private static boolean isMain(JavaCodeUnit origin) {
        return origin.getName().equals("main") && origin.getModifiers().contains(JavaModifier.STATIC)
                && origin.getRawParameterTypes().size() == 1
                && origin.getRawParameterTypes().getFirst().getName().equals("[Ljava.lang.String;");
    }

    /** The rule using {@code type} at all breaks, or null. */
    private static String forbiddenClass(JavaClass type) {
        JavaClass base = type;
        while (base.isArray()) {
            base = base.getComponentType();
        }
        String name = base.getName();
        if (base.isPrimitive() || name.startsWith("sockets.")) {
            return null;
        }
        String top = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
        return switch (top) {
            case "java.io.FileOutputStream", "java.io.FileWriter", "java.io.RandomAccessFile",
                 "java.nio.channels.FileChannel", "java.nio.channels.AsynchronousFileChannel" -> FILES;
            case "java.lang.ProcessBuilder", "java.lang.Process", "java.lang.ProcessHandle" -> PROCESSES;
            case "java.lang.ClassLoader", "java.lang.Module", "java.lang.ModuleLayer", "java.lang.StackWalker",
                 "java.net.URLClassLoader" -> REFLECTION;
            default -> {
                String pkg = base.getPackageName();
                if (pkg.startsWith("java.lang.reflect") || pkg.startsWith("java.lang.invoke")) {
                    yield REFLECTION;
                }
                if (pkg.startsWith("java.lang.foreign")) {
                    yield NATIVE;
                }
                yield allowedPackage(pkg) ? null : PACKAGES;
            }
        };
    }

    private static boolean allowedPackage(String pkg) {
        for (String allowed : JDK) {
            if (allowed.endsWith("..")) {
                String root = allowed.substring(0, allowed.length() - 2);
                if (pkg.equals(root) || pkg.startsWith(root + ".")) {
                    return true;
                }
            } else if (pkg.equals(allowed)) {
                return true;
            }
        }
        return false;
    }

    /** The package of the step in {@code moduleDir} ({@code step3-read-write} is {@code sockets.step3}), if it is one. */
    public static Optional<String> stepPackage(Path moduleDir) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("step(\\d+)-.*").matcher(moduleDir.getFileName().toString());
        return m.matches() ? Optional.of("sockets.step" + m.group(1)) : Optional.empty();
    }
}
