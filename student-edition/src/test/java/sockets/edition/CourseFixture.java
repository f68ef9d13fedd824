package sockets.edition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** A tiny course on disk, shaped like the real one: a root pom, one graded step, tools around it. */
final class CourseFixture {

    static final String ROOT_POM = """
            <project>
              <groupId>sockets</groupId>
              <artifactId>course</artifactId>
              <version>1.0-SNAPSHOT</version>
              <modules>
                <module>test-support</module>
                <module>step1-basics</module>
                <module>student-edition</module>
                <module>slides</module>
                <module>grade</module>
              </modules>
              <properties>
                <coverage.minimum>0.90</coverage.minimum>
              </properties>
            </project>
            """;

    static final String PORT_FINDER = """
            package sockets.step1;

            public final class PortFinder {
                private final int base;

                public PortFinder(int base) {
                    // tag::solution-1.2[]
                    this.base = base;
                    // end::solution-1.2[]
                }

                /** The answer. */
                public static int freePort() {
                    // tag::solution-1.1[]
                    int secretPortNumberFromKernel = 40000 + 2;
                    return secretPortNumberFromKernel;
                    // end::solution-1.1[]
                }

                static String helper() {
                    return "unchanged helper";
                }
            }
            """;

    static final String STEP_POM = "<project>official step pom <parent><version>1.0-SNAPSHOT</version></parent></project>\n";

    static final String EXERCISES = """
            # id | points | title | hint
            1.1 | 2 | Find a free port | bind to port 0 and read getLocalPort()
            1.2 | 1 | Keep the "base" | assign the field
            """;

    private CourseFixture() {}

    /** Writes the course under {@code root} and returns root. */
    static Path write(Path root) throws IOException {
        file(root, "pom.xml", ROOT_POM);
        file(root, "README.md", "# The course\n\nQuick start.\n\n## For instructors\n\n./course secrets\n\n## Licence\n\nMIT\n");
        file(root, "mvnw", "#!/bin/sh\necho maven\n");
        Files.setPosixFilePermissions(root.resolve("mvnw"), PosixFilePermissions.fromString("rwxr-xr-x"));
        file(root, ".mvn/jvm.config", "-Xss1m\n");
        file(root, "course", "#!/bin/sh\n");
        file(root, ".ci/run", "#!/bin/sh\n");
        file(root, ".git/HEAD", "ref: refs/heads/main\n");
        file(root, "student-edition/pom.xml", "<project/>\n");
        file(root, "student-edition/variants/bad.variant", "int secretPortNumberFromKernel = 40000 + 2;\n");
        file(root, "test-support/pom.xml", "<project>official support</project>\n");
        file(root, "test-support/src/main/java/sockets/testing/Exercise.java", "package sockets.testing;\n");
        file(root, "grade/pom.xml", "<project>official grade</project>\n");
        file(root, "slides/pom.xml", "<project><parent><version>1.0-SNAPSHOT</version></parent></project>\n");
        file(root, "slides/src/deck.adoc", "= Deck\n");
        file(root, "slides/node_modules/reveal.js/index.js", "// vendored\n");
        file(root, "slides/target/slides/index.html", "<html/>\n");
        file(root, "step1-basics/pom.xml", STEP_POM);
        file(root, "step1-basics/README.md", "# Step 1\n");
        file(root, "step1-basics/src/main/java/sockets/step1/PortFinder.java", PORT_FINDER);
        file(root, "step1-basics/src/main/java/sockets/step1/Answer.java",
                "// student-edition: omit (the reference answer)\npackage sockets.step1;\nclass Answer {}\n");
        file(root, "step1-basics/src/test/resources/exercises.txt", EXERCISES);
        file(root, "step1-basics/src/test/java/sockets/step1/PortFinderTest.java", "official test\n");
        file(root, "step1-basics/target/classes/Old.class", "compiled\n");
        return root;
    }

    static void file(Path root, String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static String read(Path root, String relative) throws IOException {
        return Files.readString(root.resolve(relative), StandardCharsets.UTF_8);
    }
}
