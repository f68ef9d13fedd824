package sockets.edition;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Replaces each solution region by the stub a student starts from: a TODO comment and a throw
 * naming the exercise and its hint. A throw is a complete method body whatever the method
 * returns, so the stubbed file always compiles.
 */
final class Stubber {

    /** A slide's tag line ({@code // tag::write-line[]}) inside a solution region. */
    private static final Pattern SLIDE_TAG = Pattern.compile("^\\s*//\\s*(tag|end)::[\\w.-]+\\[\\]\\s*$");

    private Stubber() {}

    /**
     * {@code lines} with every region (its own tag lines included) replaced by its stub; the tag
     * lines of slide excerpts inside a region are kept, around nothing.
     */
    static List<String> stub(List<String> lines, List<SolutionRegion> regions, List<Exercises.Exercise> exercises) {
        List<String> out = new ArrayList<>();
        int next = 0;
        for (int r = 0; r < regions.size(); r++) {
            SolutionRegion region = regions.get(r);
            out.addAll(lines.subList(next, region.tagLine() - 1));
            out.addAll(stubLines(region.indent(), exercises.get(r)));
            // Slide tags inside the region stay, empty, so the edition's slides still find them.
            for (String line : region.body(lines)) {
                if (SLIDE_TAG.matcher(line).matches()) {
                    out.add(region.indent() + line.strip());
                }
            }
            next = region.endLine();
        }
        out.addAll(lines.subList(next, lines.size()));
        return out;
    }

    static List<String> stubLines(String indent, Exercises.Exercise exercise) {
        String message = "Exercise " + exercise.id() + ": " + exercise.title() + " - " + exercise.hint();
        String points = exercise.points() == 1 ? "1 point" : exercise.points() + " points";
        return List.of(
                indent + "// TODO Exercise " + exercise.id() + " (" + points + "): "
                        + javaText(exercise.title()) + ". Replace this throw with your code.",
                indent + "throw new UnsupportedOperationException(\"" + javaString(message) + "\");");
    }

    /** Text safe inside a Java string literal. */
    static String javaString(String text) {
        return javaText(text).replace("\"", "\\\"");
    }

    /** Doubled backslashes: javac would read a backslash-u as a Unicode escape even in a comment. */
    private static String javaText(String text) {
        return text.replace("\\", "\\\\");
    }
}
