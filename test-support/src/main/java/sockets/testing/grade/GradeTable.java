package sockets.testing.grade;

import java.util.StringJoiner;

/** Writes a {@link Grade} three ways: the terminal table, Markdown and JSON. */
final class GradeTable {

    private static final int WIDTH = 78;

    private GradeTable() {}

    static String text(Grade grade) {
        StringBuilder out = new StringBuilder();
        String rule = "-".repeat(WIDTH);
        out.append('\n').append(row("GRADE", "points", "")).append(rule).append('\n');
        for (Grade.Step step : grade.steps()) {
            out.append(row(step.module(), step.points() + "/" + step.max(), ""));
            if (!step.discarded().isEmpty()) {
                out.append(detail("note", Grade.DISCARDED));
                out.append(detail("why", step.discarded()));
            }
            for (Grade.Scored s : step.exercises()) {
                String mark = switch (s.status()) {
                    case PASSED -> "ok";
                    case FAILED -> "FAILED";
                    case NOT_RUN -> "not run";
                    case DISCARDED -> "discarded";
                };
                out.append(row("  " + s.exercise().id() + "  " + s.exercise().title(),
                        s.points() + "/" + s.exercise().points(), mark));
                if (s.status() == Grade.Status.FAILED || s.status() == Grade.Status.NOT_RUN) {
                    out.append(detail("hint", s.exercise().hint()));
                }
                if (s.status() == Grade.Status.FAILED) {
                    out.append(detail("failed", s.failure()));
                    out.append(detail("in", s.failedTest()));
                }
            }
        }
        out.append(rule).append('\n').append(row("TOTAL", grade.points() + "/" + grade.max(), ""));
        // A plain closing line that CI systems and people read alike.
        out.append("tests: ").append(grade.tests(TestResult.Status.PASSED)).append(" passed, ")
                .append(grade.tests(TestResult.Status.FAILED)).append(" failed");
        int skipped = grade.tests(TestResult.Status.SKIPPED);
        if (skipped > 0) {
            out.append(", ").append(skipped).append(" skipped");
        }
        return out.append("\n\n").toString();
    }

    private static String row(String left, String points, String mark) {
        int room = WIDTH - 18;
        String name = left.length() <= room ? left : left.substring(0, room - 3) + "...";
        return String.format("%-" + room + "s %7s  %-7s%n", name, points, mark).stripTrailing() + "\n";
    }

    private static String detail(String label, String text) {
        String line = String.format("        %-7s %s", label + ":", text);
        return (line.length() <= WIDTH + 40 ? line : line.substring(0, WIDTH + 37) + "...") + "\n";
    }

    static String markdown(Grade grade) {
        StringBuilder md = new StringBuilder("# Grade\n\n");
        md.append("**Total: ").append(grade.points()).append(" / ").append(grade.max()).append("**\n\n");
        md.append("| Step | Exercise | Title | Points | Status | Hint / first failure |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (Grade.Step step : grade.steps()) {
            for (Grade.Scored s : step.exercises()) {
                String note = switch (s.status()) {
                    case PASSED -> "";
                    case NOT_RUN -> s.exercise().hint();
                    case DISCARDED -> Grade.DISCARDED + ": " + step.discarded();
                    case FAILED -> s.exercise().hint() + "<br>" + s.failure() + " (" + s.failedTest() + ")";
                };
                md.append("| ").append(step.module()).append(" | ").append(s.exercise().id())
                        .append(" | ").append(cell(s.exercise().title()))
                        .append(" | ").append(s.points()).append(" / ").append(s.exercise().points())
                        .append(" | ").append(s.status().name().toLowerCase().replace('_', ' '))
                        .append(" | ").append(cell(note)).append(" |\n");
            }
        }
        return md.toString();
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
                        + ", \"failed_test\": " + (s.failedTest().isEmpty() ? "null" : str(s.failedTest())) + "}");
            }
        }
        StringJoiner steps = new StringJoiner(",\n    ", "[\n    ", "\n  ]");
        for (Grade.Step step : grade.steps()) {
            steps.add("{\"module\": " + str(step.module()) + ", \"points\": " + step.points()
                    + ", \"max\": " + step.max()
                    + ", \"discarded\": " + (step.discarded().isEmpty() ? "null" : str(step.discarded())) + "}");
        }
        return "{\n  \"points\": " + grade.points() + ",\n  \"max\": " + grade.max()
                + ",\n  \"steps\": " + steps + ",\n  \"exercises\": " + exercises + "\n}\n";
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
