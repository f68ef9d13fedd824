package sockets.edition;

import java.util.List;

/**
 * One marked solution: the lines from {@code // tag::solution-ID[]} to
 * {@code // end::solution-ID[]} (1-based, both tag lines included), the complete body of one
 * method or constructor.
 */
record SolutionRegion(String id, String file, int tagLine, int endLine, String indent) {

    /** The solution itself: the lines between the two tags. */
    List<String> body(List<String> lines) {
        return lines.subList(tagLine, endLine - 1);
    }

    boolean covers(int line) {
        return line >= tagLine && line <= endLine;
    }

    String where() {
        return file + ":" + tagLine;
    }
}
