package sockets.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Root pom")
class RootPomTest {

    @Test
    @DisplayName("for students: no instructor's module or profile, coverage minimum 0, own version, the rest untouched")
    void forStudents() throws Exception {
        String expected = CourseFixture.ROOT_POM.replace("    <module>student-edition</module>\n", "")
                .replace("    <module>benchmarks</module>\n", "")
                .replace("    <profile>\n      <!-- ./course mutation -->\n      <id>mutation</id>\n    </profile>\n", "")
                .replace("0.90", "0").replace("<version>1.0-SNAPSHOT</version>", "<version>1.0-student-SNAPSHOT</version>");
        assertEquals(expected, RootPom.forStudents(CourseFixture.ROOT_POM));
    }

    @Test
    @DisplayName("for grading: only test support, the steps and the grade module")
    void forGrading() {
        assertEquals(List.of("test-support", "step1-basics", "grade"), RootPom.modules(RootPom.forGrading(CourseFixture.ROOT_POM)));
    }

    @Test
    @DisplayName("the edition's version differs from the course's, so it never replaces the solution in ~/.m2")
    void studentVersion() {
        assertEquals("1.0-student-SNAPSHOT", RootPom.studentVersion("1.0-SNAPSHOT"));
        assertEquals("2.1-student", RootPom.studentVersion("2.1"));
    }

    @Test
    @DisplayName("a pom without a version is refused")
    void noVersion() {
        EditionException e = assertThrows(EditionException.class,
                () -> RootPom.forStudents("<project><coverage.minimum>1</coverage.minimum></project>"));
        assertEquals("pom.xml: no <version> to give the student edition a version of its own", e.getMessage());
    }

    @Test
    @DisplayName("a pom without the coverage property is refused")
    void noCoverage() {
        EditionException e = assertThrows(EditionException.class, () -> RootPom.forStudents("<project/>"));
        assertEquals("pom.xml: no <coverage.minimum> property to set to 0 in the student edition", e.getMessage());
    }
}
