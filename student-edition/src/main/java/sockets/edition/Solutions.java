package sockets.edition;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every solution region of a course, each matched to its exercise in the exercises file of the
 * module it lives in. Scanning fails with every problem found: a malformed region, a region
 * outside {@code src/main/java}, an id the module's exercises file does not list.
 */
final class Solutions {

    /** A Java file with regions: its lines, its regions in order, and the exercise of each. */
    record InFile(Path file, List<String> lines, List<SolutionRegion> regions, List<Exercises.Exercise> exercises) {}

    private final Map<Path, InFile> files = new LinkedHashMap<>();
    private final List<Exercises> steps = new ArrayList<>();

    private Solutions() {}

    /** Scans the Java files among {@code relativeFiles} of the course at {@code root}. */
    static Solutions scan(Path root, List<Path> relativeFiles) throws IOException, EditionException {
        Solutions solutions = new Solutions();
        Map<Path, Exercises> byModule = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path relative : relativeFiles) {
            if (!relative.toString().endsWith(".java")) {
                continue;
            }
            List<String> lines;
            try {
                lines = Files.readAllLines(root.resolve(relative), StandardCharsets.UTF_8);
            } catch (CharacterCodingException e) {
                problems.add(relative + ": not UTF-8");
                continue;
            }
            List<SolutionRegion> regions = RegionScanner.scan(relative.toString(), lines, problems);
            if (regions.isEmpty()) {
                continue;
            }
            if (!relative.toString().replace('\\', '/').contains("src/main/java/")) {
                problems.add(relative + ": solution regions belong in src/main/java, not here");
                continue;
            }
            Path module = moduleOf(root, relative);
            Exercises exercises = byModule.get(module);
            if (exercises == null) {
                exercises = Exercises.read(root.resolve(module));
                byModule.put(module, exercises);
            }
            List<Exercises.Exercise> matched = new ArrayList<>();
            for (SolutionRegion region : regions) {
                var exercise = exercises.find(region.id());
                if (exercise.isEmpty()) {
                    problems.add(region.where() + ": solution-" + region.id() + " is not an exercise of "
                            + module + "/" + Exercises.FILE + " (it lists: "
                            + (exercises.byId().isEmpty() ? "nothing" : String.join(", ", exercises.byId().keySet())) + ")");
                } else {
                    matched.add(exercise.get());
                }
            }
            solutions.files.put(relative, new InFile(relative, lines, regions, matched));
        }
        if (!problems.isEmpty()) {
            throw EditionException.of(problems);
        }
        solutions.readSteps(root);
        return solutions;
    }

    /** The top-level module holding a file: the first folder of its path. */
    static Path moduleOf(Path root, Path relative) {
        return relative.getNameCount() > 1 ? relative.getName(0) : Path.of(".");
    }

    private void readSteps(Path root) throws IOException, EditionException {
        try (var children = Files.list(root)) {
            for (Path dir : children.sorted().toList()) {
                if (Exercises.isGraded(dir)) {
                    steps.add(Exercises.read(dir));
                }
            }
        }
    }

    Map<Path, InFile> files() {
        return files;
    }

    /** The graded steps of the course, in folder order. */
    List<Exercises> steps() {
        return steps;
    }

    int regionCount() {
        return files.values().stream().mapToInt(f -> f.regions().size()).sum();
    }

    /** "step1-socket-basics 1.1" for each exercise no region belongs to: students would get it free. */
    List<String> exercisesWithoutRegion() {
        Set<String> covered = new TreeSet<>();
        files.values().forEach(f -> f.exercises().forEach(e -> covered.add(e.id())));
        List<String> missing = new ArrayList<>();
        for (Exercises step : steps) {
            for (String id : step.byId().keySet()) {
                if (!covered.contains(id)) {
                    missing.add(step.module() + " " + id);
                }
            }
        }
        return missing;
    }
}
