package sockets.edition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README.md of the student edition: what the edition holds, how to work and where the code
 * goes (with a real stub of the course as the sample), every command, the table of exercises,
 * then the sections of the course's front page that hold for students too (prerequisites, the
 * steps, chatting, troubleshooting) - never the instructors' ones (grading others, benchmarks).
 */
final class StudentReadme {

    /** The course README's sections a student needs, in this order; the others stay out. */
    static final List<String> SECTIONS_FOR_STUDENTS = List.of("Prerequisites", "The steps", "Chat with someone",
            "Troubleshooting");
    private static final Pattern SECTION = Pattern.compile("(?ms)^## ([^\\n]+)\\n(.*?)(?=^## |\\z)");

    private StudentReadme() {}

    /**
     * {@code sample} is one real stubbed method (signature to closing brace) to show where code
     * goes; {@code courseReadme} may be null when the course has no README yet.
     */
    static String text(List<Exercises> steps, List<String> sample, String courseReadme) {
        StringBuilder md = new StringBuilder();
        int total = 0;
        int count = 0;
        int bonus = 0;
        int bonusCount = 0;
        int bonusSteps = 0;
        for (Exercises step : steps) {
            bonusSteps += step.bonus() ? 1 : 0;
            for (Exercises.Exercise e : step.byId().values()) {
                if (step.bonus()) {
                    bonus += e.points();
                    bonusCount++;
                } else {
                    total += e.points();
                    count++;
                }
            }
        }
        int courseSteps = steps.size() - bonusSteps;
        String bonusText = bonusSteps == 0 ? "" : " - and a bonus step, " + bonusCount + " exercises for "
                + bonus + " bonus points that never count in the total";
        md.append("""
                # TCP sockets in Java - student edition

                This is your copy of the course: %s, each with a narrated tour, a lesson (the
                step's `README.md`), slides and graded exercises - %d exercises, %d points in all%s.
                The code you are to write has been taken out: each exercise is one or more method
                bodies that now throw. Write them, run the tours, and grade yourself until every
                exercise earns its points.

                ## What is in this folder
                ```
                stepN-.../README.md       the lesson of step N; its code excerpts of your part are left out
                stepN-.../HINTS.md        a second, more concrete hint per exercise, for when you are stuck
                stepN-.../src/main/java   the step's code: the stubs you replace, and the code you read
                stepN-.../src/test        the graded tests (leave them as they are)
                slides/                   the slides' sources (build them: see below)
                test-support/, grade/     the grading machinery
                chat, mvnw                the chat (once step 4 is done) and Maven, ready to run
                .github/workflows/        grades every push if this folder is a GitHub repository
                ```

                ## Where your code goes
                Every method you write looks like this now (this one is the course's own):

                ```java
                %s
                ```

                Replace the `throw` (and the TODO) with the method's body; keep the method's name and
                signature, and any `// tag::...[]` lines around it (they mark code for the course's
                slides). List every stub with
                `grep -rn "TODO Exercise" */src/main/java`. The method's javadoc says what it must do,
                including every exact text a test expects.

                ## How to work
                1. Check your JDK: the course needs Java 21 or newer (`./mvnw` looks for one when your
                   default `java` is older).
                2. Walk the steps in order. In each step read its `README.md`, run its tour, write its
                   exercises, run the tour again. A tour phase whose code is still a stub prints
                   `not done yet - Exercise N.k: ...` and the tour goes on.
                3. Grade yourself: `./mvnw test -Dstep=N` for step N, `./mvnw test` for all of them.
                   The table shows, for each exercise that is not there yet, a hint, where the step's
                   `HINTS.md` says more, and every test that failed with its message; an exercise
                   whose tests all stop at its stub says `not started`. The table is also written to
                   `target/grade/grade.md` and `target/grade/grade.json`. While points are missing
                   the build ends with one line saying how many exercises are not done yet, and
                   fails (exit code 1): that is expected, not a crash.
                4. Your work is the Java code under each step's `src/main/java`, in the step's own
                   package (`sockets.stepN`): that is all the grading takes from your repository.
                   Tests, `exercises.txt`, resources, READMEs and poms are the official ones, so
                   editing them earns nothing. The grader also reads your compiled classes first:
                   code that writes files, starts processes, uses reflection, loads native code,
                   calls `System.exit` outside a `main` method or replaces `System.out` scores 0 for
                   its step; the few calls an exercise does need are listed, with why, in the step's
                   `src/test/resources/allowed-calls.txt`. Your own `./mvnw test` applies the same
                   rules: its table says `rejected` and names the class and the call.
                5. Push: if your repository was made from this edition on GitHub, every push is graded
                   by `.github/workflows/grade.yml` and the table appears in the run's summary.

                ## Commands
                | What | Command |
                |---|---|
                | Step N's tour (compiles what changed first) | `./mvnw -q compile exec:java -Dstep=N` |
                | Another main of step N (its lesson names them) | `./mvnw -q compile exec:java -Dstep=N -Dmain=CLASS` |
                | Grade step N | `./mvnw test -Dstep=N` |
                | Grade every step | `./mvnw test` (`./mvnw verify` also checks the rest of the build) |
                | The chat: a demo, a server, a client | `./chat demo`, `./chat server`, `./chat client` |
                | The slides | `./mvnw -q -Pslides -pl slides package`, then open `slides/target/slides/index.html` |

                Each works as written on a machine that never built the course; the first run
                downloads Maven and the libraries. `./chat` needs step 4: until all of its exercises
                are done it stops with `error: Exercise 4.k: ...`, naming the first one it met - that
                is expected. Once step 4 is done, `./chat demo` shows a whole conversation.

                ## The exercises
                """.formatted(courseSteps == 1 ? "one step" : courseSteps + " steps", count, total, bonusText,
                String.join("\n", sample)));
        md.append("\n| Step | Exercise | Points | Title | Hint |\n|---|---|---|---|---|\n");
        for (Exercises step : steps) {
            for (Exercises.Exercise e : step.byId().values()) {
                md.append("| ").append(step.module()).append(step.bonus() ? " (bonus)" : "").append(" | ").append(e.id()).append(" | ")
                        .append(e.points()).append(" | ").append(cell(e.title())).append(" | ")
                        .append(cell(e.hint())).append(" |\n");
            }
        }
        md.append("\n**Total: ").append(total).append(" points.**").append(bonusSteps == 0 ? ""
                : " Bonus: " + bonus + " points more, shown apart in the grade table; missing ones never fail the build.")
                .append('\n');
        if (courseReadme != null) {
            Map<String, String> sections = sections(courseReadme);
            for (String title : SECTIONS_FOR_STUDENTS) {
                String body = sections.get(title);
                if (body != null) {
                    md.append("\n## ").append(title).append('\n').append(body.strip()).append('\n');
                }
            }
        }
        return md.toString();
    }

    /** The level-2 sections of a Markdown page, by title. */
    static Map<String, String> sections(String markdown) {
        Map<String, String> sections = new java.util.LinkedHashMap<>();
        Matcher m = SECTION.matcher(markdown);
        while (m.find()) {
            sections.put(m.group(1).strip(), m.group(2));
        }
        return sections;
    }

    /**
     * One stubbed method of the edition as a student sees it - its javadoc, signature, stub and
     * closing brace, dedented - for the region whose {@code // tag::solution} line was line
     * {@code tagLine} (1-based) of the course's file, the first region of that file.
     */
    static List<String> sample(List<String> stubbedFile, int tagLine) {
        int signature = tagLine - 2; // the line ending in "{"
        int start = signature;
        while (start > 0 && !stubbedFile.get(start).contains("(")) {
            start--; // a signature on several lines
        }
        while (start > 0 && stubbedFile.get(start - 1).strip().startsWith("@")) {
            start--; // annotations
        }
        if (start > 0 && stubbedFile.get(start - 1).strip().equals("*/")) {
            while (start > 0 && !stubbedFile.get(start - 1).strip().startsWith("/**")) {
                start--;
            }
            start--; // the javadoc's first line
        }
        List<String> lines = new ArrayList<>();
        for (int i = start; i < stubbedFile.size(); i++) {
            lines.add(stubbedFile.get(i));
            if (i > signature && stubbedFile.get(i).strip().equals("}")) {
                break;
            }
        }
        int indent = lines.getFirst().length() - lines.getFirst().stripLeading().length();
        return lines.stream().map(line -> line.length() >= indent ? line.substring(indent) : line.strip()).toList();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
