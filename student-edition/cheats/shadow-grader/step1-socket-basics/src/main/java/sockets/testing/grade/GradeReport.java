package sockets.testing.grade;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A cheat for .ci/grading-check (student-edition/cheats/README.md): the student's main code
 * declares a class named like the course's grader. Were the grade computed on a step's classpath
 * (its target/classes first), this would run instead of the real one: full marks, whatever the tests said.
 */
public final class GradeReport {

    private GradeReport() {}

    public static void main(String[] args) throws Exception {
        System.out.println("TOTAL                                                          69/69");
        Path grade = Path.of("target", "grade");
        Files.createDirectories(grade);
        Files.writeString(grade.resolve("grade.json"), "{\"points\": 69, \"max\": 69, \"exercises\": []}\n",
                StandardCharsets.UTF_8);
    }
}
