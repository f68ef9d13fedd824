package sockets.edition;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sockets.testing.grade.Grade;
import sockets.testing.grade.GradeReport;
import sockets.testing.grade.Inspection;

/**
 * Grades one submission with the official tests ({@code ./course grade DIR}), in four stages:
 * <ol>
 * <li>a grading folder shaped by the course, holding only the submission's Java sources
 *     ({@link GradingWorkspace});</li>
 * <li>build 1, in the {@link Sandbox}: compile the steps and the official tests, annotation
 *     processing off - no line of the student's code runs;</li>
 * <li>the course's inspection of what was compiled ({@link Inspection}, in this JVM, out of the
 *     sandbox's reach): a step whose classes break a rule is rejected and, so that the steps
 *     after it are graded on their own merit, its code is replaced by the course's;</li>
 * <li>build 2, in the sandbox: the tests; then the grade, computed here from the recorded results
 *     and the inspection, never by a program of the grading folder.</li>
 * </ol>
 */
final class SubmissionGrader {

    /** What grading one submission gave: its grade (null if grading broke), and why it broke or a note. */
    record Graded(String name, Path submission, Grade grade, String problem, long seconds) {
        boolean broke() {
            return grade == null || problem != null;
        }
    }

    private static final Pattern COMPILER_ERROR = Pattern.compile("^\\[ERROR\\] (/\\S+\\.java):\\[(\\d+),\\d+\\] (.*)$");
    private static final String OFFLINE_MISS = "has not been downloaded from it before";

    private final Path course;
    private final Sandbox sandbox;
    private final Map<String, String> env;
    private final int timeoutSeconds;
    private final boolean keepWork;

    SubmissionGrader(Path course, Sandbox sandbox, Map<String, String> env) {
        this.course = course;
        this.sandbox = sandbox;
        this.env = env;
        this.timeoutSeconds = Integer.parseInt(env.getOrDefault("COURSE_GRADE_TIMEOUT", "900"));
        this.keepWork = "1".equals(env.get("COURSE_KEEP_WORK"));
    }

    /**
     * Grades {@code submission}: the table goes to {@code table}, notes to {@code log}; the grade
     * and the build's log are written to the submission's {@code target/grade/}.
     */
    Graded grade(Path submission, PrintStream table, PrintStream instructor) {
        long started = System.nanoTime();
        // The notes go to the instructor and into the submission's target/grade/notes.txt.
        ByteArrayOutputStream noted = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                noted.write(b);
                instructor.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                noted.write(bytes, offset, length);
                instructor.write(bytes, offset, length);
            }
        }, true, StandardCharsets.UTF_8);
        String name = submission.getFileName().toString();
        Path work = null;
        boolean keep = keepWork;
        try {
            work = Files.createTempDirectory("course-grade-");
            Path folder = work.resolve("submission");
            Path buildLog = work.resolve("build.log");
            if (keepWork) {
                log.println("grading folder kept: " + work);
            }
            GradingWorkspace.prepare(course, submission, folder, log);
            String pom = Files.readString(folder.resolve("pom.xml"), StandardCharsets.UTF_8);
            List<String> steps = GradingWorkspace.steps(pom);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);

            String problem = build(folder, buildLog, deadline, "test-compile");
            if (Files.readString(buildLog, StandardCharsets.UTF_8).contains(OFFLINE_MISS)) {
                keep = true;
                return broke(name, submission, started, "Maven's local repository lacks what the build needs (grading runs offline):"
                        + " run ./mvnw verify once in the course, online, then grade again");
            }
            if (problem == null && !Files.isDirectory(folder.resolve("test-support/target/classes"))) {
                // The course's own code did not build: the machine, not the submission, is at fault.
                keep = true;
                return broke(name, submission, started, "the build stopped before the course's own test support was compiled"
                        + " (kept: " + buildLog + "): " + firstError(buildLog));
            }
            Map<String, Inspection> inspections = new LinkedHashMap<>();
            for (String step : steps) {
                Inspection inspection = Inspection.of(folder.resolve(step));
                inspections.put(step, inspection);
                if (inspection.rejected()) {
                    useTheCoursesCode(folder, step);
                }
            }
            if (problem == null) {
                problem = build(folder, buildLog, deadline, "test");
            }
            compileErrors(buildLog, folder, log);
            List<Grade.Step> graded = new ArrayList<>();
            for (String step : steps) {
                if (Files.isRegularFile(folder.resolve(step).resolve("src/test/resources/exercises.txt"))) {
                    graded.add(Grade.ofStep(folder.resolve(step), inspections.get(step)));
                }
            }
            Grade grade = new Grade(graded);
            Path out = folder.resolve("target/grade");
            GradeReport.report(graded, out, table);
            Path into = submission.resolve("target/grade");
            Files.createDirectories(into);
            for (Path file : List.of(out.resolve("grade.json"), out.resolve("grade.md"), buildLog)) {
                Files.copy(file, into.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            if (problem != null) {
                log.println("note: " + problem);
            }
            Files.write(into.resolve("notes.txt"), noted.toByteArray());
            return new Graded(name, submission, grade, problem, seconds(started));
        } catch (IOException | EditionException | RuntimeException e) {
            return broke(name, submission, started, String.valueOf(e.getMessage()));
        } finally {
            if (work != null && !keep) {
                try {
                    CourseTree.delete(work);
                } catch (IOException e) {
                    log.println("note: could not delete the grading folder " + work + ": " + e.getMessage());
                }
            }
        }
    }

    private static Graded broke(String name, Path submission, long started, String why) {
        return new Graded(name, submission, null, why, seconds(started));
    }

    private static long seconds(long started) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
    }

    /**
     * The course's own code in place of a rejected step's, and none of its build output: the
     * steps built on it are graded with the course's step underneath (their tests load its classes),
     * and its own tests are not run (it scores 0 whatever they say).
     */
    private void useTheCoursesCode(Path folder, String step) throws IOException {
        Path sources = Path.of(step, "src/main/java");
        CourseTree.delete(folder.resolve(sources));
        for (Path file : CourseTree.files(course.resolve(sources), folder)) {
            CourseTree.copy(course.resolve(sources), folder.resolve(sources), file);
        }
        CourseTree.delete(folder.resolve(step).resolve("target"));
        CourseTree.delete(folder.resolve(step).resolve("src/test/java"));
    }

    /**
     * Runs Maven up to {@code phase} in the sandbox, appending to {@code buildLog}. Failing tests and
     * steps that do not compile are grades, not breakdowns (-fae: one step's failure stops only the
     * steps built on it). Null when it ran to its end; else why it was stopped.
     */
    private String build(Path folder, Path buildLog, long deadline, String phase) throws IOException {
        List<String> maven = new ArrayList<>(List.of("./mvnw", "-B", "-q", "-o", "-fae", phase,
                // Coverage earns no points; an annotation processor would run the student's code inside javac.
                "-Djacoco.skip=true", "-Dmaven.compiler.proc=none",
                // The grade is computed by this tool after the build, not inside it.
                "-Dgrade.skip=true",
                // One test JVM that hangs costs its step, not the whole submission.
                "-Dsurefire.timeout=" + env.getOrDefault("COURSE_STEP_TIMEOUT", "300")));
        ProcessBuilder builder = new ProcessBuilder(sandbox.wrap(folder, readable(), maven, env))
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(buildLog.toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            long left = deadline - System.nanoTime();
            if (!process.waitFor(Math.max(left, 0), TimeUnit.NANOSECONDS)) {
                stop(process);
                return "stopped after " + timeoutSeconds + " s (COURSE_GRADE_TIMEOUT): the steps whose tests had not finished score 0";
            }
            return null;
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            return "interrupted";
        } finally {
            // Without a sandbox, at least what is still a child of the build goes with it.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static void stop(Process process) throws IOException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the build reads besides the system: Maven's repositories and home, and the JDK. */
    private Set<Path> readable() {
        Set<Path> paths = new LinkedHashSet<>();
        for (String arg : env.getOrDefault("MAVEN_ARGS", "").split("\\s+")) {
            for (String key : List.of("-Dmaven.repo.local=", "-Dmaven.repo.local.tail=")) {
                if (arg.startsWith(key)) {
                    for (String path : arg.substring(key.length()).split(",")) {
                        paths.add(Path.of(path).toAbsolutePath().normalize());
                    }
                }
            }
        }
        for (String variable : List.of("MAVEN_USER_HOME", "JAVA_HOME")) {
            if (env.get(variable) != null && !env.get(variable).isBlank()) {
                paths.add(Path.of(env.get(variable)).toAbsolutePath().normalize());
            }
        }
        return paths;
    }

    /** The first [ERROR] line of the build's log, or its last line. */
    private static String firstError(Path buildLog) throws IOException {
        List<String> lines = Files.readAllLines(buildLog, StandardCharsets.UTF_8);
        return lines.stream().filter(line -> line.startsWith("[ERROR]")).findFirst()
                .or(() -> lines.stream().filter(line -> !line.isBlank()).reduce((a, b) -> b))
                .orElse("(no output)");
    }

    /** Names the first compiler errors of the build: that part scores 0, and the student should know why. */
    private static void compileErrors(Path buildLog, Path folder, PrintStream log) throws IOException {
        Set<String> errors = new LinkedHashSet<>();
        for (String line : Files.readAllLines(buildLog, StandardCharsets.UTF_8)) {
            Matcher m = COMPILER_ERROR.matcher(line);
            if (m.matches()) {
                String file = m.group(1).startsWith(folder + "/") ? m.group(1).substring(folder.toString().length() + 1) : m.group(1);
                errors.add(file + ":" + m.group(2) + ": " + m.group(3));
            }
        }
        if (!errors.isEmpty()) {
            log.println("note: part of the submission does not compile; its tests did not run and score 0:");
            errors.stream().limit(20).forEach(error -> log.println("  " + error));
        }
    }

    /** Grades {@code submission} with its table captured: for a class, where nobody reads each table. */
    Graded gradeQuietly(Path submission, PrintStream log) {
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        return grade(submission, new PrintStream(table, true, StandardCharsets.UTF_8), log);
    }
}
