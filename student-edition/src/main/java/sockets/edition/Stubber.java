package sockets.edition;

import java.util.ArrayList;
import java.util.List;

/**
 * Replaces each solution region by the stub a student starts from: a TODO comment and a throw
 * naming the exercise and its hint. A throw is a complete method body whatever the method
 * returns, so the stubbed file always compiles.
 */
final class Stubber {

    private Stubber() {}

    /** {@code lines} with every region (tag lines included) replaced by its stub. */
    static List<String> stub(List<String> lines, List<SolutionRegion> regions, List<Exercises.Exercise> exercises) {
        List<String> out = new ArrayList<>();
        int next = 0;
        for (int r = 0; r < regions.size(); r++) {
            SolutionRegion region = regions.get(r);
            out.addAll(lines.subList(next, region.tagLine() - 1));
            out.addAll(stubLines(region.indent(), exercises.get(r)));
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
