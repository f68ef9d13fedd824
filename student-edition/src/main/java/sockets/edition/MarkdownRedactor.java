package sockets.edition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Takes solution code out of a Markdown lesson for the student edition: a fenced code block that
 * quotes a line of a solution region is replaced by a note naming the exercise and the file to
 * write it in. The step READMEs walk through the real code; in the edition, writing that code is
 * the exercise. Blocks left out one after the other become one note, and a "From `FILE`:" line
 * that introduced a left-out block goes with it (the note names the file).
 */
final class MarkdownRedactor {

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~).*");
    /** "From `src/main/java/sockets/step1/SocketCreator.java`:" - the line that introduces an excerpt. */
    private static final Pattern FROM_LINE = Pattern.compile("^From `[^`]+`:\\s*$");
    /**
     * How every note starts. test-support's {@code Readme} knows it too: an excerpt check skips
     * an excerpt marker followed by this note - the block is not there to compare.
     */
    static final String NOTE_START = "> *Left out of the student edition: ";
    private static final Pattern NOTE = Pattern.compile(Pattern.quote(NOTE_START)
            + "the solution of exercises? ([\\d., ]+) \\((.*)\\)\\. .*");

    /** The redacted text and how many blocks were taken out. */
    record Redacted(String text, int blocks) {}

    private MarkdownRedactor() {}

    static Redacted redact(String markdown, Map<String, LeakCheck.Secret> secrets) {
        List<String> lines = withoutOmittedSections(markdown.lines().toList());
        List<String> out = new ArrayList<>();
        int blocks = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (!FENCE.matcher(lines.get(i)).matches()) {
                out.add(lines.get(i));
                continue;
            }
            int close = closingFence(lines, i);
            TreeSet<String> exercises = new TreeSet<>();
            TreeSet<String> files = new TreeSet<>();
            List<LeakCheck.Secret> quoted = new ArrayList<>();
            for (String line : lines.subList(i + 1, close)) {
                LeakCheck.Secret secret = secrets.get(LeakCheck.normalize(line));
                if (secret != null) {
                    quoted.add(secret);
                }
            }
            // Name the exercises by the lines only one solution has, when there are any.
            boolean anyOwn = quoted.stream().anyMatch(secret -> !secret.shared());
            for (LeakCheck.Secret secret : quoted) {
                if (!anyOwn || !secret.shared()) {
                    exercises.add(secret.id());
                    files.add(secret.fileName());
                }
            }
            if (exercises.isEmpty()) {
                out.addAll(lines.subList(i, Math.min(close + 1, lines.size())));
            } else {
                blocks++;
                mergeWithPreviousNote(out, exercises, files);
                out.add(note(exercises, files));
            }
            i = close;
        }
        String text = String.join("\n", out) + (markdown.endsWith("\n") ? "\n" : "");
        return new Redacted(text, blocks);
    }

    static String note(TreeSet<String> exercises, TreeSet<String> files) {
        String ids = String.join(", ", exercises);
        String where = String.join(", ", files.stream().map(f -> "`" + f + "`").toList());
        return NOTE_START + "the solution of exercise" + (exercises.size() == 1 ? " " : "s ") + ids + " (" + where
                + "). Writing it is the exercise: find `TODO Exercise` in "
                + (files.size() == 1 ? "that file" : "those files") + ".*";
    }

    /**
     * Drops a "From `FILE`:" line just above (blank lines aside); then, if a note of an earlier
     * block comes just above, drops it too and adds its exercises and files to this one.
     */
    private static void mergeWithPreviousNote(List<String> out, TreeSet<String> exercises, TreeSet<String> files) {
        int at = lastNonBlank(out);
        if (at >= 0 && FROM_LINE.matcher(out.get(at)).matches()) {
            truncate(out, at);
            at = lastNonBlank(out);
        }
        var previous = at >= 0 ? NOTE.matcher(out.get(at)) : null;
        if (previous != null && previous.matches()) {
            for (String id : previous.group(1).split(", ")) {
                exercises.add(id.strip());
            }
            for (String file : previous.group(2).split(", ")) {
                files.add(file.strip().replace("`", ""));
            }
            truncate(out, at);
        } else if (!out.isEmpty() && !out.getLast().isBlank() && at == out.size() - 1
                && !out.getLast().startsWith("<!--")) {
            out.add(""); // a note is a paragraph of its own
        }
    }

    private static int lastNonBlank(List<String> out) {
        int at = out.size() - 1;
        while (at >= 0 && out.get(at).isBlank()) {
            at--;
        }
        return at;
    }

    /** Keeps the lines before {@code from}, and the blank line before it if there was one. */
    private static void truncate(List<String> out, int from) {
        out.subList(from, out.size()).clear();
        while (out.size() >= 2 && out.getLast().isBlank() && out.get(out.size() - 2).isBlank()) {
            out.removeLast();
        }
    }

    /**
     * The lines without each section marked {@code <!-- student-edition: omit-section -->} (in
     * the lines under its heading): from the heading to the next heading of the same or a higher
     * level - for what only the instructor's repository has (benchmarks, say).
     */
    static List<String> withoutOmittedSections(List<String> lines) {
        List<String> out = new ArrayList<>(lines);
        for (int i = 0; i < out.size(); i++) {
            if (!OMIT_SECTION.matcher(out.get(i)).matches()) {
                continue;
            }
            int heading = i;
            while (heading >= 0 && headingLevel(out.get(heading)) == 0) {
                heading--;
            }
            int level = heading < 0 ? 1 : headingLevel(out.get(heading));
            int end = i + 1;
            while (end < out.size() && (headingLevel(out.get(end)) == 0 || headingLevel(out.get(end)) > level)) {
                // A "# comment" in a shell block is no heading: jump over fenced blocks.
                end = FENCE.matcher(out.get(end)).matches() ? closingFence(out, end) + 1 : end + 1;
            }
            out.subList(Math.max(heading, 0), end).clear();
            i = Math.max(heading, 0) - 1;
        }
        return out;
    }

    private static final Pattern OMIT_SECTION = Pattern.compile("^\\s*<!--\\s*student-edition:\\s*omit-section\\s*-->\\s*$");

    /** 2 for "## Title", 0 for a line that is no heading. */
    private static int headingLevel(String line) {
        int level = 0;
        while (level < line.length() && line.charAt(level) == '#') {
            level++;
        }
        return level > 0 && level < line.length() && line.charAt(level) == ' ' ? level : 0;
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
