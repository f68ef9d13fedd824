package sockets.edition;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Replaces each solution region by the stub a student starts from: a TODO comment saying where
 * the code goes and a throw naming the exercise. A throw is a complete method body whatever the
 * method returns, so the stubbed file always compiles.
 */
final class Stubber {

    /** A slide's tag line ({@code // tag::write-line[]}) inside a solution region. */
    private static final Pattern SLIDE_TAG = Pattern.compile("^\\s*//\\s*(tag|end)::([\\w.-]+)\\[\\]\\s*$");

    private Stubber() {}

    /**
     * {@code lines} with every region (its own tag lines included) replaced by its stub. The tag
     * lines of slide excerpts inside a region stay; the stub goes inside the first excerpt, so
     * the code a student writes there is what the slide shows.
     */
    static List<String> stub(List<String> lines, List<SolutionRegion> regions, List<Exercises.Exercise> exercises) {
        List<String> out = new ArrayList<>();
        int next = 0;
        for (int r = 0; r < regions.size(); r++) {
            SolutionRegion region = regions.get(r);
            out.addAll(lines.subList(next, region.tagLine() - 1));
            List<String> slideTags = new ArrayList<>();
            for (String line : region.body(lines)) {
                if (SLIDE_TAG.matcher(line).matches()) {
                    slideTags.add(region.indent() + line.strip());
                }
            }
            boolean inExcerpt = !slideTags.isEmpty() && slideTags.getFirst().strip().startsWith("// tag::");
            List<String> stub = stubLines(region.indent(), exercises.get(r), inExcerpt);
            if (inExcerpt) {
                // The first excerpt's opening tag, the stub, then the remaining tag lines around nothing.
                out.add(slideTags.getFirst());
                out.addAll(stub);
                out.addAll(closingFirst(slideTags));
            } else {
                out.addAll(stub);
                out.addAll(slideTags);
            }
            next = region.endLine();
        }
        out.addAll(lines.subList(next, lines.size()));
        return out;
    }

    /** The tag lines after the first, with the first excerpt's end moved to the front. */
    private static List<String> closingFirst(List<String> slideTags) {
        var opening = SLIDE_TAG.matcher(slideTags.getFirst());
        opening.matches();
        String end = "// end::" + opening.group(2) + "[]";
        List<String> rest = new ArrayList<>(slideTags.subList(1, slideTags.size()));
        for (int i = 0; i < rest.size(); i++) {
            if (rest.get(i).strip().equals(end)) {
                String closing = rest.remove(i);
                rest.addFirst(closing);
                break;
            }
        }
        return rest;
    }

    /** The message every stub throws: "Exercise 2.3: The accept loop" (tours and tests look for it). */
    static String message(Exercises.Exercise exercise) {
        return "Exercise " + exercise.id() + ": " + exercise.title();
    }

    static List<String> stubLines(String indent, Exercises.Exercise exercise, boolean inExcerpt) {
        String points = exercise.points() == 1 ? "1 point" : exercise.points() + " points";
        return List.of(
                indent + "// TODO Exercise " + exercise.id() + " (" + points + "): " + javaText(exercise.title()) + ".",
                indent + "// Write the method's body here, in place of the throw"
                        + (inExcerpt ? " (keep the tag lines around it)." : "."),
                indent + "// Stuck? The grade table's hint, then HINTS.md of this step, section " + exercise.id() + ".",
                indent + "throw new UnsupportedOperationException(\"" + javaString(message(exercise)) + "\");");
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
