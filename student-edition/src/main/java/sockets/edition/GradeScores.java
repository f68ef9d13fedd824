package sockets.edition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The points of each exercise in a {@code grade.json} written by the grade report: enough of
 * its JSON (objects with {@code id}, {@code points}, {@code max} and {@code tests}) for the
 * grading check.
 */
final class GradeScores {

    /** One exercise's result, and how many of its tests ran (0 when the grade has no count). */
    record Score(String id, int points, int max, int tests) {}

    private GradeScores() {}

    static List<Score> read(Path gradeJson) throws IOException, EditionException {
        String json = Files.readString(gradeJson, StandardCharsets.UTF_8);
        List<Score> scores = new ArrayList<>();
        for (String text : innermostObjects(json)) {
            if (text.contains("\"id\"")) {
                scores.add(new Score(string(text, "id"), number(text, "points"), number(text, "max"),
                        text.contains("\"tests\"") ? number(text, "tests") : 0));
            }
        }
        if (scores.isEmpty()) {
            throw new EditionException(gradeJson + ": no exercise in it");
        }
        return scores;
    }

    /**
     * Every {...} of {@code json}, each without the objects inside it (an exercise keeps its own
     * keys, not those of its failing tests); braces inside strings (a failure message) do not count.
     */
    static List<String> innermostObjects(String json) {
        List<String> objects = new ArrayList<>();
        Deque<StringBuilder> open = new ArrayDeque<>();
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (!inString && c == '{') {
                open.push(new StringBuilder());
            }
            if (!open.isEmpty()) {
                open.peek().append(c);
            }
            if (inString) {
                if (c == '\\' && i + 1 < json.length()) {
                    i++;
                    if (!open.isEmpty()) {
                        open.peek().append(json.charAt(i));
                    }
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '}' && !open.isEmpty()) {
                objects.add(open.pop().toString());
            }
        }
        return objects;
    }

    private static String string(String object, String key) throws EditionException {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(object);
        if (!m.find()) {
            throw new EditionException("grade.json: no \"" + key + "\" in " + object);
        }
        return m.group(1);
    }

    private static int number(String object, String key) throws EditionException {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*(\\d+)").matcher(object);
        if (!m.find()) {
            throw new EditionException("grade.json: no \"" + key + "\" in " + object);
        }
        return Integer.parseInt(m.group(1));
    }
}
