package sockets.edition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A known-bad variant: a realistic student mistake written as find/replace edits of the
 * solution, which the official tests must catch. The file format ({@code variants/*.variant}):
 * <pre>
 * # Why this is a mistake, and how it shows up.
 * file: step3-read-write/src/main/java/sockets/step3/framing/LineReader.java
 * exercise: 3.3          (optional: by default, the exercise whose solution region is edited)
 * --- find
 * ...lines of the solution (compared without their indentation)...
 * --- replace
 * ...the mistaken lines...
 * --- end
 * </pre>
 * Several find/replace blocks may follow one {@code file:}, and several files may be edited,
 * all in one module.
 */
record Variant(String name, String exercise, List<Edit> edits) {

    /** Replace the lines {@code find} of {@code file} (they occur exactly once) by {@code replace}. */
    record Edit(String file, List<String> find, List<String> replace) {}

    /** What applying a variant did: the module to grade and the exercises that must lose points. */
    record Applied(String module, Set<String> exercises) {}

    static Variant read(Path spec) throws IOException, EditionException {
        String name = spec.getFileName().toString().replaceFirst("\\.variant$", "");
        String file = null;
        String exercise = null;
        List<Edit> edits = new ArrayList<>();
        List<String> lines = Files.readAllLines(spec, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = spec.getFileName() + ":" + (i + 1);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            } else if (line.startsWith("file:")) {
                file = line.substring(5).strip();
            } else if (line.startsWith("exercise:")) {
                exercise = line.substring(9).strip();
            } else if (line.strip().equals("--- find")) {
                if (file == null) {
                    throw new EditionException(where + ": say 'file: PATH' before '--- find'");
                }
                int replaceAt = indexOf(lines, "--- replace", i + 1, where);
                int endAt = indexOf(lines, "--- end", replaceAt + 1, where);
                List<String> find = lines.subList(i + 1, replaceAt);
                if (find.isEmpty()) {
                    throw new EditionException(where + ": nothing to find");
                }
                edits.add(new Edit(file, List.copyOf(find), List.copyOf(lines.subList(replaceAt + 1, endAt))));
                i = endAt;
            } else {
                throw new EditionException(where + ": want 'file: PATH', 'exercise: N.k', '--- find' or a # comment");
            }
        }
        if (edits.isEmpty()) {
            throw new EditionException(spec.getFileName() + ": no '--- find' block: the variant changes nothing");
        }
        return new Variant(name, exercise, List.copyOf(edits));
    }

    private static int indexOf(List<String> lines, String marker, int from, String where) throws EditionException {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                return i;
            }
        }
        throw new EditionException(where + ": no '" + marker + "' after this block");
    }

    /** Edits the course copy in {@code dir}; says which module and exercises must now lose points. */
    Applied applyTo(Path dir) throws IOException, EditionException {
        return edit(dir, true);
    }

    /** Which module and exercises the variant would make lose points in {@code course}, which it leaves alone. */
    Applied target(Path course) throws IOException, EditionException {
        return edit(course, false);
    }

    private Applied edit(Path dir, boolean write) throws IOException, EditionException {
        Set<String> modules = new LinkedHashSet<>();
        Set<String> exercises = new LinkedHashSet<>();
        if (exercise != null) {
            exercises.add(exercise);
        }
        for (Edit edit : edits) {
            Path file = dir.resolve(edit.file());
            if (!Files.isRegularFile(file)) {
                throw new EditionException(name + ": no file " + edit.file() + " - update the variant");
            }
            modules.add(Path.of(edit.file()).getName(0).toString());
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            int at = uniqueMatch(lines, edit);
            if (exercise == null) {
                exercises.addAll(regionIds(edit, lines, at));
            }
            List<String> changed = new ArrayList<>(lines.subList(0, at));
            changed.addAll(reindent(edit.replace(), indentOf(lines.get(at))));
            changed.addAll(lines.subList(at + edit.find().size(), lines.size()));
            if (write) {
                Files.writeString(file, String.join("\n", changed) + "\n", StandardCharsets.UTF_8);
            }
        }
        if (modules.size() != 1) {
            throw new EditionException(name + ": edits files of " + modules + ": a variant stays in one module");
        }
        return new Applied(modules.iterator().next(), exercises);
    }

    /** Where the find lines start; they must occur exactly once, or the variant is stale. */
    private int uniqueMatch(List<String> lines, Edit edit) throws EditionException {
        List<Integer> found = new ArrayList<>();
        for (int at = 0; at + edit.find().size() <= lines.size(); at++) {
            boolean same = true;
            for (int j = 0; j < edit.find().size() && same; j++) {
                same = lines.get(at + j).strip().equals(edit.find().get(j).strip());
            }
            if (same) {
                found.add(at);
            }
        }
        if (found.size() != 1) {
            throw new EditionException(name + ": the lines to find occur " + found.size() + " times in "
                    + edit.file() + " (want exactly once) - the solution changed: update the variant");
        }
        return found.getFirst();
    }

    /** The exercise of the solution region around the edited lines, read from the tags now. */
    private Set<String> regionIds(Edit edit, List<String> lines, int at) throws EditionException {
        List<String> problems = new ArrayList<>();
        List<SolutionRegion> regions = RegionScanner.scan(edit.file(), lines, problems);
        Set<String> ids = new LinkedHashSet<>();
        int first = at + 1;
        int last = at + edit.find().size();
        for (SolutionRegion region : regions) {
            if (region.covers(first) && region.covers(last)) {
                ids.add(region.id());
            }
        }
        if (ids.isEmpty()) {
            throw new EditionException(name + ": the edit of " + edit.file() + " at line " + first
                    + " is not inside a solution region: add 'exercise: N.k' to say which exercise must lose points");
        }
        return ids;
    }

    private static String indentOf(String line) {
        return line.substring(0, line.length() - line.stripLeading().length());
    }

    /** The replacement lines, shifted so their least indented line sits where the found lines did. */
    private static List<String> reindent(List<String> replace, String indent) {
        int common = replace.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return replace.stream().map(l -> l.isBlank() ? "" : indent + l.substring(common)).toList();
    }
}
