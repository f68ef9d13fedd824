package sockets.edition;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Proves a written edition gives nothing away: no solution tag is left in its Java files, and
 * no distinctive line of a solution (one that appears nowhere else in the course's Java code)
 * appears in any of its files - a README or a slide quoting the solution counts as a leak.
 */
final class LeakCheck {

    /** Shorter lines ("return line;", "}") are too common to be evidence of a leak. */
    static final int DISTINCTIVE_LENGTH = 20;

    private LeakCheck() {}

    /** A distinctive line of a region: the exercise it solves and where it is. */
    record Secret(String id, String where, boolean shared) {
        Secret(String id, String where) {
            this(id, where, false);
        }

        /** The name of the file the line is in: "SocketCreator.java". */
        String fileName() {
            String file = where.substring(0, where.lastIndexOf(':'));
            return file.substring(file.replace('\\', '/').lastIndexOf('/') + 1);
        }

        @Override
        public String toString() {
            return "solution-" + id + " (" + where + ")";
        }
    }

    /** One line per leak found in {@code edition}; empty when it is clean. */
    static List<String> find(Map<String, Secret> secrets, Path edition) throws IOException {
        List<String> leaks = new ArrayList<>();
        for (Path relative : CourseTree.files(edition, edition.resolve("target"))) {
            List<String> lines = textLines(edition.resolve(relative));
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String where = relative + ":" + (i + 1);
                if (relative.toString().endsWith(".java") && line.matches("\\s*//\\s*(tag|end)::solution.*")) {
                    leaks.add(where + ": a solution tag is left: '" + line.strip() + "'");
                }
                Secret source = secrets.get(normalize(line));
                if (source != null) {
                    leaks.add(where + ": repeats a line of " + source + ": '" + line.strip() + "'");
                }
            }
        }
        return leaks;
    }

    /** Distinctive region lines (normalized by {@link #normalize}), each with its exercise and place. */
    static Map<String, Secret> secretLines(Path course, List<Path> courseFiles, Solutions solutions) throws IOException {
        Set<String> elsewhere = new HashSet<>();
        for (Path relative : courseFiles) {
            if (!relative.toString().endsWith(".java")) {
                continue;
            }
            List<String> lines = textLines(course.resolve(relative));
            Solutions.InFile withRegions = solutions.files().get(relative);
            for (int i = 0; i < lines.size(); i++) {
                int number = i + 1;
                boolean inRegion = withRegions != null
                        && withRegions.regions().stream().anyMatch(r -> r.covers(number));
                if (!inRegion) {
                    elsewhere.add(normalize(lines.get(i)));
                }
            }
        }
        Map<String, Secret> secrets = new HashMap<>();
        for (Solutions.InFile file : solutions.files().values()) {
            for (SolutionRegion region : file.regions()) {
                List<String> body = region.body(file.lines());
                for (int i = 0; i < body.size(); i++) {
                    String line = normalize(body.get(i));
                    // A slide's tag line inside a region stays in the edition on purpose.
                    boolean tagLine = line.matches("//\\s*(tag|end)::.*\\[\\]");
                    if (line.length() >= DISTINCTIVE_LENGTH && !elsewhere.contains(line) && !tagLine) {
                        Secret first = secrets.putIfAbsent(line, new Secret(region.id(), file.file() + ":" + (region.tagLine() + 1 + i)));
                        if (first != null && !first.id().equals(region.id())) {
                            // In two exercises' solutions (a comment, say): it says little about which.
                            secrets.put(line, new Secret(first.id(), first.where(), true));
                        }
                    }
                }
            }
        }
        return secrets;
    }

    static String normalize(String line) {
        return line.strip().replaceAll("\\s+", " ");
    }

    /** The lines of a text file; none for a binary file (an image, a jar). */
    private static List<String> textLines(Path file) throws IOException {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.indexOf('\0') >= 0 ? List.of() : text.lines().toList();
        } catch (CharacterCodingException e) {
            return List.of();
        }
    }
}
