package sockets.edition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Takes solution code out of a Markdown lesson for the student edition: a fenced code block that
 * quotes a line of a solution region is replaced by a note naming the exercise. The step READMEs
 * walk through the real code; in the edition, writing that code is the exercise.
 */
final class MarkdownRedactor {

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~).*");

    /** The redacted text and how many blocks were taken out. */
    record Redacted(String text, int blocks) {}

    private MarkdownRedactor() {}

    static Redacted redact(String markdown, Map<String, LeakCheck.Secret> secrets) {
        List<String> lines = markdown.lines().toList();
        List<String> out = new ArrayList<>();
        int blocks = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (!FENCE.matcher(lines.get(i)).matches()) {
                out.add(lines.get(i));
                continue;
            }
            int close = closingFence(lines, i);
            TreeSet<String> exercises = new TreeSet<>();
            for (String line : lines.subList(i + 1, close)) {
                LeakCheck.Secret secret = secrets.get(LeakCheck.normalize(line));
                if (secret != null) {
                    exercises.add(secret.id());
                }
            }
            if (exercises.isEmpty()) {
                out.addAll(lines.subList(i, Math.min(close + 1, lines.size())));
            } else {
                blocks++;
                out.add("> *Code from the solution of exercise" + (exercises.size() == 1 ? " " : "s ")
                        + String.join(", ", exercises)
                        + ", left out of the student edition: writing it is the exercise (find its `TODO Exercise`).*");
            }
            i = close;
        }
        String text = String.join("\n", out) + (markdown.endsWith("\n") ? "\n" : "");
        return new Redacted(text, blocks);
    }

    /** The index of the fence closing the block opened at {@code open}; an unclosed block runs to the end. */
    private static int closingFence(List<String> lines, int open) {
        String fence = lines.get(open).strip().substring(0, 3);
        for (int i = open + 1; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith(fence)) {
                return i;
            }
        }
        return lines.size();
    }
}
