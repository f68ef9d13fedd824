package sockets.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Region scanner")
class RegionScannerTest {

    private final List<String> problems = new ArrayList<>();

    private List<SolutionRegion> scan(String text) {
        return RegionScanner.scan("F.java", text.lines().toList(), problems);
    }

    @Test
    @DisplayName("finds each region with its id, lines and indentation")
    void findsRegions() {
        List<SolutionRegion> regions = scan(CourseFixture.PORT_FINDER);
        assertEquals(List.of(), problems);
        assertEquals(2, regions.size());
        SolutionRegion first = regions.getFirst();
        assertEquals("1.2", first.id());
        assertEquals(7, first.tagLine());
        assertEquals(9, first.endLine());
        assertEquals("        ", first.indent());
        assertEquals(List.of("        this.base = base;"), first.body(CourseFixture.PORT_FINDER.lines().toList()));
        assertEquals("1.1", regions.get(1).id());
    }

    @Nested
    @DisplayName("refuses a malformed region")
    class Malformed {

        private void assertProblem(String text, String expected) {
            scan(text);
            assertTrue(problems.stream().anyMatch(p -> p.contains(expected)),
                    "want a problem containing '" + expected + "', got " + problems);
        }

        @Test
        @DisplayName("a tag never closed")
        void unclosed() {
            assertProblem("void f() {\n    // tag::solution-1.1[]\n    x();\n}\n", "F.java:2: tag::solution-1.1 is never closed");
        }

        @Test
        @DisplayName("an end with no tag")
        void endWithoutTag() {
            assertProblem("void f() {\n    x();\n    // end::solution-1.1[]\n}\n", "F.java:3: end::solution-1.1 has no tag::solution-1.1");
        }

        @Test
        @DisplayName("an end closing another id")
        void mismatched() {
            assertProblem("void f() {\n// tag::solution-1.1[]\n// end::solution-1.2[]\n}\n", "the ids differ");
        }

        @Test
        @DisplayName("regions inside each other")
        void nested() {
            assertProblem("void f() {\n// tag::solution-1.1[]\n// tag::solution-1.2[]\n// end::solution-1.2[]\n// end::solution-1.1[]\n}\n",
                    "regions cannot nest");
        }

        @Test
        @DisplayName("a misspelled tag")
        void misspelled() {
            assertProblem("void f() {\n    // tag::solution-1.1\n    x();\n}\n", "F.java:2: malformed solution tag");
        }

        @Test
        @DisplayName("a region that is only part of a method body")
        void partOfBody() {
            assertProblem("int f() {\n    int a = 1;\n    // tag::solution-1.1[]\n    a++;\n    // end::solution-1.1[]\n    return a;\n}\n",
                    "must be the complete body of a method or constructor");
        }
    }

    @Test
    @DisplayName("ignores text that only mentions a tag, such as a string")
    void ignoresStrings() {
        List<SolutionRegion> regions = scan("String s = \"// tag::solution-1.1[]\";\n");
        assertEquals(List.of(), regions);
        assertEquals(List.of(), problems);
    }
}
