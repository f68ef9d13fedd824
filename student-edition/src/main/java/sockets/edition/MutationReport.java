package sockets.edition;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The mutation score of each step, read from PIT's {@code target/pit-reports/mutations.xml}: for
 * all of the step's code and for its solution regions alone (the code students write, where a
 * surviving mutant is a mistake the grade would not notice), then every surviving mutant.
 */
final class MutationReport {

    static final Path REPORT = Path.of("target", "pit-reports", "mutations.xml");

    /** One mutant: where PIT changed the code, how, whether a test failed, and the exercise it is in. */
    record Mutant(String file, int line, String method, String description, String status, boolean detected,
            String exercise) {}

    /** The score of one step: every mutant, and those inside solution regions. */
    record Score(String step, List<Mutant> mutants) {

        List<Mutant> inExercises() {
            return mutants.stream().filter(m -> m.exercise() != null).toList();
        }

        static String percent(List<Mutant> mutants) {
            if (mutants.isEmpty()) {
                return "-";
            }
            long detected = mutants.stream().filter(Mutant::detected).count();
            return (100 * detected / mutants.size()) + " %";
        }
    }

    private MutationReport() {}

    /** Prints the score table and the surviving mutants of {@code steps} (module folders of {@code course}). */
    static void print(Path course, List<String> steps, PrintStream out) throws IOException, EditionException {
        List<Score> scores = new ArrayList<>();
        for (String step : steps) {
            scores.add(new Score(step, read(course.resolve(step))));
        }
        out.printf("%-22s %8s %7s %6s   %s%n", "MUTATION SCORE (PIT)", "mutants", "killed", "score",
                "in solution regions: mutants, killed, score");
        for (Score score : scores) {
            List<Mutant> exercises = score.inExercises();
            out.printf("%-22s %8d %7d %6s   %8d %7d %6s%n", score.step(), score.mutants().size(),
                    score.mutants().stream().filter(Mutant::detected).count(), Score.percent(score.mutants()),
                    exercises.size(), exercises.stream().filter(Mutant::detected).count(), Score.percent(exercises));
        }
        for (Score score : scores) {
            List<Mutant> survivors = score.mutants().stream().filter(m -> !m.detected()).toList();
            if (!survivors.isEmpty()) {
                out.println();
                out.println(score.step() + ": " + survivors.size() + " mutants no test noticed");
                for (Mutant m : survivors) {
                    out.printf("  %s:%d %s: %s%s%s%n", m.file(), m.line(), m.method(), m.description(),
                            m.status().equals("SURVIVED") ? "" : " [" + m.status() + "]",
                            m.exercise() == null ? "" : " (exercise " + m.exercise() + ")");
                }
            }
        }
    }

    /** The mutants of one step module; each is matched to the solution region around its line. */
    static List<Mutant> read(Path step) throws IOException, EditionException {
        Path report = step.resolve(REPORT);
        if (!Files.isRegularFile(report)) {
            throw new EditionException("no " + report + ": run ./mvnw -Pmutation -pl " + step.getFileName() + " test first");
        }
        NodeList nodes;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // PIT's report has no DTD; refusing one keeps the parser from fetching anything.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            nodes = factory.newDocumentBuilder().parse(report.toFile()).getElementsByTagName("mutation");
        } catch (ParserConfigurationException | SAXException e) {
            throw new EditionException(report + ": not a PIT report (" + e.getMessage() + ")");
        }
        Map<Path, List<SolutionRegion>> regionsByFile = new HashMap<>();
        List<Mutant> mutants = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element mutation = (Element) nodes.item(i);
            String mutatedClass = text(mutation, "mutatedClass");
            String sourceFile = text(mutation, "sourceFile");
            // The package folder from the class name: sockets.step1.Tour$Phase -> sockets/step1.
            String packagePath = mutatedClass.substring(0, mutatedClass.lastIndexOf('.') + 1).replace('.', '/');
            Path source = Path.of("src/main/java", packagePath, sourceFile);
            int line = Integer.parseInt(text(mutation, "lineNumber"));
            List<SolutionRegion> regions = regionsByFile.get(source);
            if (regions == null) {
                regions = regionsOf(step, source);
                regionsByFile.put(source, regions);
            }
            String exercise = regions.stream().filter(r -> r.covers(line)).map(SolutionRegion::id).findFirst().orElse(null);
            mutants.add(new Mutant(packagePath + sourceFile, line, text(mutation, "mutatedMethod"),
                    text(mutation, "description"), mutation.getAttribute("status"),
                    Boolean.parseBoolean(mutation.getAttribute("detected")), exercise));
        }
        return mutants;
    }

    private static List<SolutionRegion> regionsOf(Path step, Path source) throws IOException {
        Path file = step.resolve(source);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        return RegionScanner.scan(source.toString(), Files.readAllLines(file, StandardCharsets.UTF_8), problems);
    }

    private static String text(Element parent, String tag) {
        NodeList found = parent.getElementsByTagName(tag);
        return found.getLength() == 0 ? "" : found.item(0).getTextContent().strip();
    }
}
