package sockets.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Student edition")
class StudentEditionTest {

    @TempDir
    Path temp;
    Path course;
    Path edition;
    final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void writeCourse() throws IOException {
        course = CourseFixture.write(temp.resolve("course"));
        edition = temp.resolve("edition");
    }

    private void writeEdition() throws Exception {
        StudentEdition.write(course, edition, new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    private List<String> files(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Nested
    @DisplayName("written from a well-formed course")
    class WellFormed {

        @BeforeEach
        void write() throws Exception {
            writeEdition();
        }

        @Test
        @DisplayName("holds every module, test and wrapper file, and no build output or instructor's tool")
        void files() throws IOException {
            assertEquals(List.of(".mvn/jvm.config", "README.md", "grade/pom.xml", "mvnw", "pom.xml",
                    "slides/pom.xml", "slides/src/deck.adoc",
                    "step1-basics/README.md", "step1-basics/pom.xml",
                    "step1-basics/src/main/java/sockets/step1/PortFinder.java",
                    "step1-basics/src/test/java/sockets/step1/PortFinderTest.java",
                    "step1-basics/src/test/resources/exercises.txt",
                    "test-support/pom.xml", "test-support/src/main/java/sockets/testing/Exercise.java"),
                    StudentEditionTest.this.files(edition));
        }

        @Test
        @DisplayName("replaces the solution regions by stubs")
        void stubs() throws IOException {
            String source = CourseFixture.read(edition, "step1-basics/src/main/java/sockets/step1/PortFinder.java");
            assertTrue(source.contains("throw new UnsupportedOperationException(\"Exercise 1.1: Find a free port\");"), source);
            assertTrue(source.contains("// TODO Exercise 1.2 (1 point): Keep the \"base\"."), source);
            assertFalse(source.contains("secretPortNumberFromKernel"), source);
        }

        @Test
        @DisplayName("keeps the tests and the exercises as they are")
        void keepsTests() throws IOException {
            assertEquals(CourseFixture.EXERCISES, CourseFixture.read(edition, "step1-basics/src/test/resources/exercises.txt"));
            assertEquals("official test\n", CourseFixture.read(edition, "step1-basics/src/test/java/sockets/step1/PortFinderTest.java"));
        }

        @Test
        @DisplayName("drops the instructor's modules, the mutation profile and the coverage minimum from the root pom")
        void rootPom() throws IOException {
            String pom = CourseFixture.read(edition, "pom.xml");
            assertEquals(List.of("test-support", "step1-basics", "slides", "grade"), RootPom.modules(pom));
            assertTrue(pom.contains("<coverage.minimum>0</coverage.minimum>"), pom);
            assertTrue(pom.contains("<id>graded-step</id>") && !pom.contains("mutation"), pom);
        }

        @Test
        @DisplayName("gives every pom the edition's own version: built there, it never replaces the solution in ~/.m2")
        void ownVersion() throws IOException {
            for (String pom : List.of("pom.xml", "step1-basics/pom.xml", "slides/pom.xml")) {
                String text = CourseFixture.read(edition, pom);
                assertTrue(text.contains("<version>1.0-student-SNAPSHOT</version>"), pom + ": " + text);
                assertFalse(text.contains("<version>1.0-SNAPSHOT</version>"), pom + ": " + text);
            }
        }

        @Test
        @DisplayName("keeps ./mvnw executable")
        void executable() {
            assertTrue(Files.isExecutable(edition.resolve("mvnw")));
        }

        @Test
        @DisplayName("writes a student README: a real stub, the exercises, and only the students' sections of the front page")
        void readme() throws IOException {
            String readme = CourseFixture.read(edition, "README.md");
            assertTrue(readme.startsWith("# TCP sockets in Java - student edition"), readme);
            assertTrue(readme.contains("./mvnw test -Dstep=N"), readme);
            assertTrue(readme.contains("""
                    ```java
                    public PortFinder(int base) {
                        // TODO Exercise 1.2 (1 point): Keep the "base"."""), readme);
            assertTrue(readme.contains("| step1-basics | 1.1 | 2 | Find a free port | bind to port 0 and read getLocalPort() |"), readme);
            assertTrue(readme.contains("**Total: 3 points.**"), readme);
            assertTrue(readme.contains("## Prerequisites\nA JDK 21.\n") && readme.contains("## Troubleshooting\nRead the error."), readme);
            for (String instructors : List.of("For instructors", "./course", "Performance", "Licence", "CONTRIBUTING")) {
                assertFalse(readme.contains(instructors), instructors + " in:\n" + readme);
            }
        }

        @Test
        @DisplayName("reports what it wrote")
        void reports() {
            String text = log.toString(StandardCharsets.UTF_8);
            assertTrue(text.contains("2 solution regions stubbed in 1 files, 1 solution-only files left out"), text);
        }
    }

    @Test
    @DisplayName("warns about an exercise without a region: students would get it free")
    void warnsWithoutRegion() throws Exception {
        CourseFixture.file(course, "step1-basics/src/test/resources/exercises.txt",
                CourseFixture.EXERCISES + "1.3 | 1 | Free points | none\n");
        writeEdition();
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("warning: step1-basics 1.3 has no solution region"), log.toString());
    }

    @Test
    @DisplayName("refuses a region whose id the step's exercises do not list, naming file and line")
    void unknownId() throws IOException {
        CourseFixture.file(course, "step1-basics/src/test/resources/exercises.txt", "1.1 | 2 | Find a free port | hint\n");
        EditionException e = assertThrows(EditionException.class, this::writeEdition);
        assertEquals("step1-basics/src/main/java/sockets/step1/PortFinder.java:7: solution-1.2 is not an exercise of"
                + " step1-basics/src/test/resources/exercises.txt (it lists: 1.1)", e.getMessage());
        assertFalse(Files.exists(edition), "nothing should be written");
    }

    @Test
    @DisplayName("refuses a region in test code")
    void regionInTests() throws IOException {
        CourseFixture.file(course, "step1-basics/src/test/java/sockets/step1/HelperTest.java",
                "class HelperTest {\n    void f() {\n        // tag::solution-1.1[]\n        g();\n        // end::solution-1.1[]\n    }\n}\n");
        EditionException e = assertThrows(EditionException.class, this::writeEdition);
        assertTrue(e.getMessage().contains("HelperTest.java: solution regions belong in src/main/java"), e.getMessage());
    }

    @Test
    @DisplayName("takes a lesson's code blocks that quote the solution out, naming the exercise")
    void redactsLessons() throws Exception {
        CourseFixture.file(course, "step1-basics/README.md", """
                # Step 1

                ```java
                public static int freePort() {
                    int secretPortNumberFromKernel = 40000 + 2;
                    return secretPortNumberFromKernel;
                }
                ```

                ```
                ./mvnw test
                ```
                """);
        writeEdition();
        assertEquals("""
                # Step 1

                > *Left out of the student edition: the solution of exercise 1.1 (`PortFinder.java`). Writing it is the exercise: find `TODO Exercise` in that file.*

                ```
                ./mvnw test
                ```
                """, CourseFixture.read(edition, "step1-basics/README.md"));
        assertTrue(log.toString(StandardCharsets.UTF_8).contains(", 1 solution excerpts taken out of Markdown lessons"), log.toString());
    }

    @Test
    @DisplayName("says once what a run of left-out blocks was, without their 'From FILE:' lines, and keeps excerpt markers")
    void mergesNotes() throws Exception {
        CourseFixture.file(course, "step1-basics/README.md", """
                # Step 1

                From `src/main/java/sockets/step1/PortFinder.java`:

                ```java
                int secretPortNumberFromKernel = 40000 + 2;
                ```

                From `src/main/java/sockets/step1/PortFinder.java`:

                ```java
                return secretPortNumberFromKernel;
                ```

                Text.

                <!-- excerpt: src/main/java/sockets/step1/PortFinder.java tag=port -->
                ```java
                return secretPortNumberFromKernel;
                ```
                """);
        writeEdition();
        String note = "> *Left out of the student edition: the solution of exercise 1.1 (`PortFinder.java`)."
                + " Writing it is the exercise: find `TODO Exercise` in that file.*";
        assertEquals("# Step 1\n\n" + note + "\n\nText.\n\n<!-- excerpt: src/main/java/sockets/step1/PortFinder.java tag=port -->\n"
                + note + "\n", CourseFixture.read(edition, "step1-basics/README.md"));
    }

    @Test
    @DisplayName("names a left-out block by the lines only its exercise has, not by one two solutions share")
    void sharedLines() throws Exception {
        CourseFixture.file(course, "step1-basics/src/main/java/sockets/step1/Closer.java", """
                class Closer {
                    void first() {
                        // tag::solution-1.1[]
                        // A failed bind still holds a descriptor: close it.
                        firstExerciseOwnLineOfCode();
                        // end::solution-1.1[]
                    }

                    void second() {
                        // tag::solution-1.2[]
                        // A failed bind still holds a descriptor: close it.
                        secondExerciseOwnLineOfCode();
                        // end::solution-1.2[]
                    }
                }
                """);
        CourseFixture.file(course, "step1-basics/README.md", """
                ```java
                // A failed bind still holds a descriptor: close it.
                secondExerciseOwnLineOfCode();
                ```
                """);
        writeEdition();
        assertTrue(CourseFixture.read(edition, "step1-basics/README.md").startsWith(
                "> *Left out of the student edition: the solution of exercise 1.2 (`Closer.java`)."),
                CourseFixture.read(edition, "step1-basics/README.md"));
    }

    @Test
    @DisplayName("leaves out a Markdown section marked student-edition: omit-section, and the benchmarks and CONTRIBUTING.md")
    void omitsSections() throws Exception {
        CourseFixture.file(course, "step1-basics/README.md", """
                # Step 1

                ## Run it

                Run.

                ## Performance
                <!-- student-edition: omit-section -->

                ```sh
                # a shell comment is no heading
                ./course bench
                ```

                ### Details

                More.

                ## Next step
                """);
        writeEdition();
        assertEquals("# Step 1\n\n## Run it\n\nRun.\n\n## Next step\n", CourseFixture.read(edition, "step1-basics/README.md"));
        assertFalse(Files.exists(edition.resolve("benchmarks")) || Files.exists(edition.resolve("CONTRIBUTING.md")));
    }

    @Test
    @DisplayName("refuses to hand out an edition whose slides quote a solution line, and deletes it")
    void leak() throws IOException {
        CourseFixture.file(course, "slides/src/deck.adoc", "= Deck\n\n----\n    return secretPortNumberFromKernel;\n----\n");
        EditionException e = assertThrows(EditionException.class, this::writeEdition);
        assertTrue(e.getMessage().startsWith("slides/src/deck.adoc:4: repeats a line of solution-1.1"
                + " (step1-basics/src/main/java/sockets/step1/PortFinder.java:16)"), e.getMessage());
        assertEquals(List.of(), files(edition));
    }

    @Test
    @DisplayName("keeps a slide's tags from inside a region without calling them a leak")
    void slideTagsAreNoLeak() throws Exception {
        CourseFixture.file(course, "step1-basics/src/main/java/sockets/step1/Sender.java", """
                class Sender {
                    void send() {
                        // tag::solution-1.2[]
                        // tag::flush-every-line[]
                        out.flushTheWholeLineRightNow();
                        // end::flush-every-line[]
                        // end::solution-1.2[]
                    }
                }
                """);
        writeEdition();
        String sender = CourseFixture.read(edition, "step1-basics/src/main/java/sockets/step1/Sender.java");
        assertTrue(sender.contains("// tag::flush-every-line[]\n        // TODO Exercise 1.2"), sender);
        assertTrue(sender.contains("\");\n        // end::flush-every-line[]\n    }"), sender);
        assertFalse(sender.contains("flushTheWholeLineRightNow"), sender);
    }

    @Test
    @DisplayName("refuses a folder that is not empty")
    void notEmpty() throws IOException {
        CourseFixture.file(edition, "homework.txt", "mine");
        EditionException e = assertThrows(EditionException.class, this::writeEdition);
        assertTrue(e.getMessage().endsWith("is not empty: give a new or empty folder"), e.getMessage());
        assertEquals("mine", CourseFixture.read(edition, "homework.txt"));
    }

    @Test
    @DisplayName("can be written inside the course, which it then leaves out of itself")
    void insideCourse() throws Exception {
        edition = course.resolve("student-copy");
        writeEdition();
        assertTrue(Files.isRegularFile(edition.resolve("pom.xml")));
        assertFalse(Files.exists(edition.resolve("student-copy")));
    }
}
