package sockets.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sockets.testing.grade.ExerciseCatalog;
import sockets.testing.grade.Grade;

@DisplayName("A class's grades")
class ClassGradesTest {

    @TempDir
    Path temp;

    private static final ExerciseCatalog.Entry ONE = new ExerciseCatalog.Entry("1.1", 2, "One", "h");
    private static final ExerciseCatalog.Entry TWO = new ExerciseCatalog.Entry("1.2", 3, "Two", "h");

    private static Grade grade(Grade.Status one, Grade.Status two, List<String> rejections) {
        return new Grade(List.of(new Grade.Step("step1-a", List.of(new Grade.Scored(ONE, one, 1, List.of()),
                new Grade.Scored(TWO, two, 1, List.of())), List.of(), List.of(), "", rejections, "", false)));
    }

    @Test
    @DisplayName("finds the submissions in a folder of them, and takes a submission as it is")
    void submissions() throws Exception {
        for (String name : List.of("bob", "alice")) {
            CourseFixture.file(temp, "class/" + name + "/pom.xml", "<project/>\n");
        }
        Files.createDirectories(temp.resolve("class/notes"));
        assertEquals(List.of(temp.resolve("class/alice"), temp.resolve("class/bob")),
                ClassGrades.submissions(List.of(temp.resolve("class"))));
        assertEquals(List.of(temp.resolve("class/bob")), ClassGrades.submissions(List.of(temp.resolve("class/bob"))));
        EditionException e = assertThrows(EditionException.class, () -> ClassGrades.submissions(List.of(temp.resolve("class/notes"))));
        assertTrue(e.getMessage().endsWith("is neither a submission (no pom.xml) nor a folder of submissions"), e.getMessage());
    }

    @Test
    @DisplayName("writes a row per submission, a column per exercise, the total and a note")
    void csvAndMarkdown() throws IOException {
        List<SubmissionGrader.Graded> results = List.of(
                new SubmissionGrader.Graded("alice", temp, grade(Grade.Status.PASSED, Grade.Status.FAILED, List.of()), null, 60),
                new SubmissionGrader.Graded("bob, jr", temp, grade(Grade.Status.REJECTED, Grade.Status.REJECTED,
                        List.of("class x is outside the step's package")), null, 61),
                new SubmissionGrader.Graded("carol", temp, null, "stopped after 900 s", 900));
        assertEquals("""
                submission,1.1,1.2,total,max,note
                alice,2,0,2,5,
                "bob, jr",0,0,0,5,step1-a rejected: class x is outside the step's package
                carol,,,,5,not graded: stopped after 900 s
                """, ClassGrades.csv(List.of(ONE, TWO), results));
        String md = ClassGrades.markdown(List.of(ONE, TWO), results);
        assertTrue(md.contains("| *max* | 2 | 3 | 5 | |\n| alice | 2 | 0 | 2 |  |\n"), md);
        assertTrue(md.contains("| carol | - | - | - | not graded: stopped after 900 s |"), md);
    }
}
