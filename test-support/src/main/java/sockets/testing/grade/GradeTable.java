package sockets.testing.grade;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;

/** Writes a {@link Grade} three ways: the terminal table, Markdown and JSON. */
final class GradeTable {

    private static final int WIDTH = 78;

    /** How many broken rules of a rejected step the table shows; grade.json has them all. */
    private static final int SHOWN_RULES = 5;

    private GradeTable() {}

    static String text(Grade grade) {
        StringBuilder out = new StringBuilder();
        String rule = "-".repeat(WIDTH);
        out.append('\n').append(row("GRADE", "points", "")).append(rule).append('\n');
        for (Grade.Step step : grade.steps()) {
            out.append(row(step.module() + (step.bonus() ? " (bonus)" : ""), step.points() + "/" + step.max(), ""));
            if (!step.discarded().isEmpty()) {
                out.append(detail("note", Grade.DISCARDED));
                out.append(detail("why", step.discarded()));
            }
            if (!step.rejections().isEmpty()) {
                out.append(detail("note", Grade.REJECTED));
                List<String> shown = step.rejections().subList(0, Math.min(SHOWN_RULES, step.rejections().size()));
                shown.forEach(broken -> out.append(detail("rule", broken)));
                int more = step.rejections().size() - shown.size();
                if (more > 0) {
                    out.append(detail("", "... and " + more + " more (grade.json lists them all)"));
                }
            }
            for (Grade.Scored s : step.exercises()) {
                // Ids padded to one width, so the titles of 3.9 and 3.10 line up.
                out.append(row(String.format("  %-5s", s.exercise().id()) + s.exercise().title(),
                        s.points() + "/" + s.exercise().points(), mark(s)));
                if (s.status() == Grade.Status.FAILED || s.status() == Grade.Status.NOT_RUN) {
                    out.append(whyNot(step, s));
                }
            }
            List<TestResult> ungraded = step.ungradedFailed();
            if (!ungraded.isEmpty()) {
                out.append(row("  not graded: " + ungraded.size() + (ungraded.size() == 1 ? " test fails" : " tests fail")
                        + " (no points, but the build fails)", "", ""));
                out.append(failures(ungraded, ""));
            }
        }
        out.append(rule).append('\n');
        if (grade.max() > 0 || grade.bonusMax() == 0) {
            out.append(row("TOTAL", grade.points() + "/" + grade.max(), ""));
        }
        if (grade.bonusMax() > 0) {
            out.append(row("BONUS (not in the total)", grade.bonusPoints() + "/" + grade.bonusMax(), ""));
        }
        // A plain closing line that CI systems and people read alike.
        out.append("tests: ").append(grade.tests(TestResult.Status.PASSED)).append(" passed, ")
                .append(grade.tests(TestResult.Status.FAILED)).append(" failed");
        int skipped = grade.tests(TestResult.Status.SKIPPED);
        if (skipped > 0) {
            out.append(", ").append(skipped).append(" skipped");
        }
        return out.append("\n\n").toString();
    }

    private static String mark(Grade.Scored s) {
        return switch (s.status()) {
            case PASSED -> "ok";
            case FAILED -> s.stoppedAtStubs() ? "not done" : "FAILED"; // "FAILED": a test failed on its own
            case NOT_RUN -> "not run";
            case DISCARDED -> "discarded";
            case REJECTED -> "rejected";
        };
    }

    /** Why an exercise earned nothing: where it stands, its hints, then every test that failed. */
    private static String whyNot(Grade.Step step, Grade.Scored s) {
        StringBuilder out = new StringBuilder();
        String id = s.exercise().id();
        boolean notStarted = s.stoppedAtStubOf().filter(id::equals).isPresent();
        if (notStarted) {
            out.append(detail("todo", "not started: " + (s.failed() == 1 ? "its failing test stops" : "its " + s.failed()
                    + " failing tests stop") + " at its stub - write it (TODO Exercise " + id + ")"));
        }
        out.append(detail("hint", s.exercise().hint()));
        if (!step.hints().isEmpty()) {
            out.append(detail("more", step.hints() + ", section " + id));
        }
        if (!notStarted) {
            out.append(failures(s.failures(), id));
        }
        return out.toString();
    }

    /**
     * Every failing test with its message; those that stopped at a stub are counted per stub in
     * one line instead (the same message each time, and not the test's fault).
     */
    private static String failures(List<TestResult> failures, String exercise) {
        StringBuilder out = new StringBuilder();
        Map<String, Integer> byStub = new TreeMap<>();
        for (TestResult test : failures) {
            Optional<String> stub = Stubs.exerciseOf(test.message());
            if (stub.isPresent()) {
                byStub.merge(stub.get(), 1, Integer::sum);
            } else {
                out.append(failedTest(test));
            }
        }
        StringBuilder stubs = new StringBuilder();
        byStub.forEach((stub, count) -> stubs.append(detail(stub.equals(exercise) ? "todo" : "waits",
                (count == 1 ? "1 test stops" : count + " tests stop") + " at the stub of exercise " + stub
                        + (stub.equals(exercise) ? " (TODO Exercise " + stub + ")" : " - do " + stub + " first"))));
        return stubs.append(out).toString();
    }

    /** A failing test: its name, then its message on the next line. */
    private static String failedTest(TestResult test) {
        String label = test.status() == TestResult.Status.SKIPPED ? "skipped" : "test";
        return String.format("        %-7s %s%n", label + ":", test.test())
                + String.format("        %-7s %s%n", "", test.message().isEmpty() ? "(no message)" : test.message());
    }

    private static String row(String left, String points, String mark) {
        int room = WIDTH - 18;
        String name = left.length() <= room ? left : left.substring(0, room - 3) + "...";
        return String.format("%-" + room + "s %7s  %-8s%n", name, points, mark).stripTrailing() + "\n";
    }

    private static String detail(String label, String text) {
        return String.format("        %-7s %s", label + ":", text) + "\n";
    }

    static String markdown(Grade grade) {
        StringBuilder md = new StringBuilder("# Grade\n\n");
        md.append("**Total: ").append(grade.points()).append(" / ").append(grade.max()).append("**\n\n");
        if (grade.bonusMax() > 0) {
            md.append("**Bonus (not in the total): ").append(grade.bonusPoints()).append(" / ").append(grade.bonusMax())
                    .append("**\n\n");
        }
        md.append("| Step | Exercise | Title | Points | Status | Hint / failing tests |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (Grade.Step step : grade.steps()) {
            for (Grade.Scored s : step.exercises()) {
                String more = step.hints().isEmpty() ? "" : " (more: " + step.hints() + ", section " + s.exercise().id() + ")";
                String note = switch (s.status()) {
                    case PASSED -> "";
                    case NOT_RUN -> s.exercise().hint() + more;
                    case DISCARDED -> Grade.DISCARDED + ": " + step.discarded();
                    case REJECTED -> Grade.REJECTED + ": " + String.join("; ", step.rejections());
                    case FAILED -> s.exercise().hint() + more + failures(s);
                };
                md.append("| ").append(step.module()).append(step.bonus() ? " (bonus)" : "").append(" | ").append(s.exercise().id())
                        .append(" | ").append(cell(s.exercise().title()))
                        .append(" | ").append(s.points()).append(" / ").append(s.exercise().points())
                        .append(" | ").append(s.status().name().toLowerCase().replace('_', ' '))
                        .append(" | ").append(cell(note)).append(" |\n");
            }
        }
        return md.toString();
    }

    /** Every failing test of {@code s}, for a Markdown cell; one line when they all stopped at a stub. */
    private static String failures(Grade.Scored s) {
        Optional<String> stub = s.stoppedAtStubOf();
        if (stub.isPresent()) {
            return "<br>" + s.failed() + (s.failed() == 1 ? " test stops" : " tests stop") + " at the stub of exercise " + stub.get();
        }
        StringBuilder text = new StringBuilder();
        s.failures().forEach(f -> text.append("<br>**").append(f.test()).append("**: ").append(f.message()));
        return text.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    static String json(Grade grade) {
        StringJoiner exercises = new StringJoiner(",\n    ", "[\n    ", "\n  ]");
        for (Grade.Step step : grade.steps()) {
            for (Grade.Scored s : step.exercises()) {
                exercises.add("{\"id\": " + str(s.exercise().id())
                        + ", \"step\": " + str(step.module())
                        + ", \"title\": " + str(s.exercise().title())
                        + ", \"points\": " + s.points()
                        + ", \"max\": " + s.exercise().points()
                        + ", \"status\": " + str(s.status().name().toLowerCase())
                        + ", \"tests\": " + s.tests()
                        + ", \"failed\": " + s.failed()
                        + ", \"hint\": " + str(s.exercise().hint())
                        + ", \"failure\": " + (s.failure().isEmpty() ? "null" : str(s.failure()))
                        + ", \"failed_test\": " + (s.failedTest().isEmpty() ? "null" : str(s.failedTest()))
                        + ", \"failures\": " + failuresJson(s.failures())
                        + ", \"bonus\": " + step.bonus() + "}");
            }
        }
        StringJoiner steps = new StringJoiner(",\n    ", "[\n    ", "\n  ]");
        for (Grade.Step step : grade.steps()) {
            steps.add("{\"module\": " + str(step.module()) + ", \"points\": " + step.points()
                    + ", \"max\": " + step.max()
                    + ", \"bonus\": " + step.bonus()
                    + ", \"discarded\": " + (step.discarded().isEmpty() ? "null" : str(step.discarded()))
                    + ", \"rejected\": " + strings(step.rejections()) + "}");
        }
        return "{\n  \"points\": " + grade.points() + ",\n  \"max\": " + grade.max()
                + ",\n  \"bonus_points\": " + grade.bonusPoints() + ",\n  \"bonus_max\": " + grade.bonusMax()
                + ",\n  \"steps\": " + steps + ",\n  \"exercises\": " + exercises + "\n}\n";
    }

    private static String strings(List<String> texts) {
        StringJoiner list = new StringJoiner(", ", "[", "]");
        texts.forEach(text -> list.add(str(text)));
        return list.toString();
    }

    private static String failuresJson(List<TestResult> failures) {
        StringJoiner list = new StringJoiner(", ", "[", "]");
        failures.forEach(f -> list.add("{\"test\": " + str(f.test()) + ", \"message\": " + str(f.message()) + "}"));
        return list.toString();
    }

    private static String str(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
