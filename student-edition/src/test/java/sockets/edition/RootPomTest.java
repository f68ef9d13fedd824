package sockets.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Root pom")
class RootPomTest {

    @Test
    @DisplayName("for students: no student-edition module, coverage minimum 0, the rest untouched")
    void forStudents() throws Exception {
        String expected = CourseFixture.ROOT_POM.replace("    <module>student-edition</module>\n", "")
                .replace("0.90", "0");
        assertEquals(expected, RootPom.forStudents(CourseFixture.ROOT_POM));
    }

    @Test
    @DisplayName("for grading: only test support, the steps and the grade module")
    void forGrading() {
        assertEquals(List.of("test-support", "step1-basics", "grade"), RootPom.modules(RootPom.forGrading(CourseFixture.ROOT_POM)));
    }

    @Test
    @DisplayName("a pom without the coverage property is refused")
    void noCoverage() {
        EditionException e = assertThrows(EditionException.class, () -> RootPom.forStudents("<project/>"));
        assertEquals("pom.xml: no <coverage.minimum> property to set to 0 in the student edition", e.getMessage());
    }
}
