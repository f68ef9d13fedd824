package sockets.edition;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the solution regions of one Java file and refuses a malformed one: a tag with no end,
 * an end with no tag, regions inside each other, a misspelled tag, or a region that is not the
 * whole body of a method (its stub would not compile).
 */
final class RegionScanner {

    private static final Pattern TAG = Pattern.compile("^(\\s*)//\\s*tag::solution-([^\\[\\]\\s]+)\\[\\]\\s*$");
    private static final Pattern END = Pattern.compile("^(\\s*)//\\s*end::solution-([^\\[\\]\\s]+)\\[\\]\\s*$");
    /** Anything in a line comment that looks like a solution tag, well-formed or not. */
    private static final Pattern LOOKS_LIKE_TAG = Pattern.compile("^\\s*//.*(tag|end)::\\s*solution");

    private RegionScanner() {}

    /**
     * The regions of {@code lines}, in order; {@code problems} gets one line per malformed mark
     * ({@code file} names the file in those lines).
     */
    static List<SolutionRegion> scan(String file, List<String> lines, List<String> problems) {
        List<SolutionRegion> regions = new ArrayList<>();
        String openId = null;
        int openLine = 0;
        String openIndent = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int number = i + 1;
            Matcher tag = TAG.matcher(line);
            Matcher end = END.matcher(line);
            if (tag.matches()) {
                if (openId != null) {
                    problems.add(file + ":" + number + ": solution-" + tag.group(2)
                            + " starts inside solution-" + openId + " (opened at line " + openLine
                            + "): regions cannot nest");
                }
                openId = tag.group(2);
                openLine = number;
                openIndent = tag.group(1);
            } else if (end.matches()) {
                if (openId == null) {
                    problems.add(file + ":" + number + ": end::solution-" + end.group(2)
                            + " has no tag::solution-" + end.group(2) + " before it");
                } else if (!openId.equals(end.group(2))) {
                    problems.add(file + ":" + number + ": end::solution-" + end.group(2)
                            + " closes tag::solution-" + openId + " (line " + openLine + "): the ids differ");
                    openId = null;
                } else {
                    SolutionRegion region = new SolutionRegion(openId, file, openLine, number, openIndent);
                    checkWholeBody(region, lines, problems);
                    regions.add(region);
                    openId = null;
                }
            } else if (LOOKS_LIKE_TAG.matcher(line).find()) {
                problems.add(file + ":" + number + ": malformed solution tag '" + line.strip()
                        + "': want '// tag::solution-N.k[]' or '// end::solution-N.k[]'");
            }
        }
        if (openId != null) {
            problems.add(file + ":" + openLine + ": tag::solution-" + openId
                    + " is never closed by // end::solution-" + openId + "[]");
        }
        return regions;
    }

    /** The tags must be the first and last lines inside the braces, so a lone throw compiles. */
    private static void checkWholeBody(SolutionRegion region, List<String> lines, List<String> problems) {
        String before = neighbour(lines, region.tagLine() - 2, -1);
        String after = neighbour(lines, region.endLine(), +1);
        if (!before.endsWith("{") || !after.startsWith("}")) {
            problems.add(region.where() + ": solution-" + region.id()
                    + " must be the complete body of a method or constructor"
                    + " (the tag lines go right after its '{' and right before its '}')");
        }
    }

    /** The nearest non-blank line from {@code index} going in {@code direction}, stripped. */
    private static String neighbour(List<String> lines, int index, int direction) {
        for (int i = index; i >= 0 && i < lines.size(); i += direction) {
            if (!lines.get(i).isBlank()) {
                return lines.get(i).strip();
            }
        }
        // Ran off the file: no brace there.
        return "";
    }
}
