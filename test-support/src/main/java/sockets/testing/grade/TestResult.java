package sockets.testing.grade;

/**
 * The outcome of one test, as one tab-separated line of {@code target/grade/results.tsv}:
 * exercise id, status, the test's display path, the first line of its failure, the test's
 * suite and name as Surefire writes them in its XML report ({@link SurefireReports} checks them),
 * and its {@code source}: the class and member that hold it ({@code sockets.step2.ListenerTest$Bind#reuse}),
 * as {@link ExpectedTests} lists the course's tests.
 */
public record TestResult(String exercise, Status status, String test, String message,
                         String suite, String reportedName, String source) {

    public TestResult(String exercise, Status status, String test, String message, String suite, String reportedName) {
        this(exercise, status, test, message, suite, reportedName, "");
    }

    public enum Status { PASSED, FAILED, SKIPPED }

    /** The exercise of a test that has no {@link sockets.testing.Exercise}. */
    public static final String UNGRADED = "-";

    public String toLine() {
        return String.join("\t", clean(exercise), status.name(), clean(test), clean(message),
                clean(suite), clean(reportedName), clean(source));
    }

    public static TestResult fromLine(String line) {
        String[] fields = line.split("\t", -1);
        return new TestResult(fields[0], Status.valueOf(fields[1]), fields[2], field(fields, 3),
                field(fields, 4), field(fields, 5), field(fields, 6));
    }

    private static String field(String[] fields, int index) {
        return fields.length > index ? fields[index] : "";
    }

    private static String clean(String text) {
        String flat = text.replaceAll("[\\t\\r\\n]+", " ");
        return flat.length() <= 300 ? flat : flat.substring(0, 297) + "...";
    }
}
