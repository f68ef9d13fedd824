package sockets.edition;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import sockets.testing.grade.ExerciseCatalog;

/**
 * Which known-bad variants ({@code student-edition/variants/*.variant}) each exercise has: an
 * exercise without one has no proof that its tests catch a mistake in it.
 */
final class VariantCoverage {

    private VariantCoverage() {}

    /** Prints "id count names..." per exercise, then the uncovered ones; returns 1 when there are any. */
    static int print(Path course, PrintStream out) throws IOException, EditionException {
        Map<String, List<String>> byExercise = new LinkedHashMap<>();
        String pom = Files.readString(course.resolve("pom.xml"), StandardCharsets.UTF_8);
        for (String step : GradingWorkspace.steps(pom)) {
            if (Files.isRegularFile(course.resolve(step).resolve(ExerciseCatalog.FILE))) {
                for (ExerciseCatalog.Entry entry : ExerciseCatalog.read(course.resolve(step)).exercises()) {
                    byExercise.put(entry.id(), new ArrayList<>());
                }
            }
        }
        List<Path> specs;
        try (Stream<Path> files = Files.list(course.resolve("student-edition/variants"))) {
            specs = files.filter(f -> f.toString().endsWith(".variant")).sorted().toList();
        }
        List<String> problems = new ArrayList<>();
        for (Path spec : specs) {
            Variant variant = Variant.read(spec);
            try {
                for (String id : variant.target(course).exercises()) {
                    byExercise.computeIfAbsent(id, unknown -> {
                        problems.add(variant.name() + ": exercise " + unknown + " is in no exercises.txt");
                        return new ArrayList<>();
                    }).add(variant.name());
                }
            } catch (EditionException e) {
                problems.add(e.getMessage());
            }
        }
        List<String> uncovered = new ArrayList<>();
        byExercise.forEach((id, names) -> {
            out.println(id + " " + names.size() + (names.isEmpty() ? "" : " " + String.join(" ", names)));
            if (names.isEmpty()) {
                uncovered.add(id);
            }
        });
        if (!uncovered.isEmpty()) {
            problems.add("no known-bad variant for exercise " + String.join(", ", uncovered)
                    + ": add one to student-edition/variants/ (see its README)");
        }
        problems.forEach(problem -> out.println("error: " + problem));
        return problems.isEmpty() ? 0 : 1;
    }
}
