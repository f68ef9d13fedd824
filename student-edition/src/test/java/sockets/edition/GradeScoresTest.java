package sockets.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Grade scores")
class GradeScoresTest {

    @Test
    @DisplayName("reads id, points, max and tests of every exercise, whatever its messages and failing tests contain")
    void reads(@TempDir Path dir) throws Exception {
        CourseFixture.file(dir, "grade.json", """
                {
                  "points": 2,
                  "max": 5,
                  "steps": [
                    {"module": "step1-basics", "points": 2, "max": 5}
                  ],
                  "exercises": [
                    {"id": "1.1", "step": "step1-basics", "title": "A {braced} \\"title\\"", "points": 2, "max": 2, "status": "passed", "tests": 4, "failure": null},
                    {"id": "1.2", "step": "step1-basics", "title": "B", "points": 0, "max": 3, "status": "failed", "failure": "expected } got {",
                     "failures": [{"test": "T > a", "message": "expected } got {"}, {"test": "T > b", "message": "no"}]}
                  ]
                }
                """);
        assertEquals(List.of(new GradeScores.Score("1.1", 2, 2, 4), new GradeScores.Score("1.2", 0, 3, 0)),
                GradeScores.read(dir.resolve("grade.json")));
    }
}
