package sockets.testing.grade;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tests each exercise has, read from a step's compiled tests ({@code target/test-classes})
 * without running them: every test method (a parameterized one counts once, with all of its
 * runs) and every ArchUnit rule of the classes Surefire runs, keyed {@code class#member} as the
 * grade listener records them ({@link TestResult#source}). A test the course has that left no
 * result - it vanished from the run - fails its exercise.
 */
public final class ExpectedTests {

    private static final String EXERCISE = "sockets.testing.Exercise";
    private static final String NESTED = "org.junit.jupiter.api.Nested";
    private static final List<String> TEST_ANNOTATIONS = List.of("org.junit.jupiter.api.Test",
            "org.junit.jupiter.params.ParameterizedTest", "org.junit.jupiter.api.RepeatedTest",
            "org.junit.jupiter.api.TestFactory", "org.junit.jupiter.api.TestTemplate",
            "com.tngtech.archunit.junit.ArchTest", "com.code_intelligence.jazzer.junit.FuzzTest");

    private ExpectedTests() {}

    /** Exercise id to the sources of its tests; empty when {@code testClasses} does not exist. */
    public static Map<String, Set<String>> of(Path testClasses) {
        Map<String, Set<String>> byExercise = new TreeMap<>();
        if (!Files.isDirectory(testClasses)) {
            return byExercise;
        }
        JavaClasses classes = new ClassFileImporter().importPath(testClasses);
        for (JavaClass type : classes) {
            if (surefireRuns(type)) {
                collect(type, classes, byExercise);
            }
        }
        return byExercise;
    }

    /** Surefire's default includes: a top-level, concrete Test*, *Test, *Tests or *TestCase class. */
    private static boolean surefireRuns(JavaClass type) {
        String name = type.getSimpleName();
        return type.isTopLevelClass() && !type.getModifiers().contains(JavaModifier.ABSTRACT) && !type.isInterface()
                && (name.startsWith("Test") || name.endsWith("Test") || name.endsWith("Tests") || name.endsWith("TestCase"));
    }

    /** The tests {@code type} runs - its own, its superclasses', its @Nested classes' - by exercise. */
    private static void collect(JavaClass type, JavaClasses all, Map<String, Set<String>> byExercise) {
        for (JavaClass declaring = type; declaring != null; declaring = declaring.getRawSuperclass().orElse(null)) {
            List<JavaMember> members = new ArrayList<>(declaring.getMethods());
            members.addAll(declaring.getFields());
            for (JavaMember member : members) {
                if (TEST_ANNOTATIONS.stream().noneMatch(member::isAnnotatedWith)) {
                    continue;
                }
                // As the grade listener finds it: on the member of the class itself, else on the class or an outer one.
                String exercise = (declaring == type ? exerciseOn(member.getAnnotations()) : null);
                if (exercise == null) {
                    exercise = exerciseOf(type);
                }
                if (exercise != null) {
                    byExercise.computeIfAbsent(exercise, id -> new TreeSet<>()).add(type.getName() + "#" + member.getName());
                }
            }
        }
        for (JavaClass inner : all) {
            if (inner.getEnclosingClass().filter(outer -> outer.equals(type)).isPresent() && inner.isAnnotatedWith(NESTED)) {
                collect(inner, all, byExercise);
            }
        }
    }

    private static String exerciseOf(JavaClass type) {
        for (Optional<JavaClass> at = Optional.of(type); at.isPresent(); at = at.get().getEnclosingClass()) {
            String found = exerciseOn(at.get().getAnnotations());
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String exerciseOn(Set<? extends JavaAnnotation<?>> annotations) {
        for (JavaAnnotation<?> annotation : annotations) {
            if (annotation.getRawType().getName().equals(EXERCISE)) {
                return annotation.get("value").map(Object::toString).orElse(null);
            }
        }
        return null;
    }
}
