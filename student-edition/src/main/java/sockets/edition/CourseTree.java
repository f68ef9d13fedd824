package sockets.edition;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files of a course folder worth copying: no build output, no VCS or IDE files, and none of
 * the instructor's things ({@code student-edition/} with its known-bad variants, {@code .ci/},
 * {@code ./course}, the benchmarks, the authors' conventions) - those stay in the instructor's
 * repository.
 */
final class CourseTree {

    /** Skipped wherever they are: build output, tools' state (.cifuzz-corpus: Jazzer's fuzzing corpus). */
    private static final Set<String> NEVER_COPIED = Set.of(".git", "target", "node_modules", ".idea",
            ".vscode", ".DS_Store", ".cifuzz-corpus");
    /**
     * Skipped at the top of the course only. The benchmarks need {@code ./course} and the finished
     * chat (and their line reader nearly solves exercise 3.3); CONTRIBUTING.md is for authors.
     */
    static final Set<String> INSTRUCTOR_ONLY = Set.of("student-edition", ".ci", "course", "benchmarks",
            "CONTRIBUTING.md");

    private CourseTree() {}

    /** The files under {@code root} to copy, as sorted relative paths; {@code skip} (the output) is left out. */
    static List<Path> files(Path root, Path skip) throws IOException {
        Path absoluteSkip = skip.toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                if (!dir.equals(root) && (skipped(root.relativize(dir)) || dir.toAbsolutePath().normalize().equals(absoluteSkip))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (!skipped(root.relativize(file))) {
                    files.add(root.relativize(file));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(Comparator.comparing(Path::toString));
        return files;
    }

    private static boolean skipped(Path relative) {
        String name = relative.getFileName().toString();
        if (relative.getNameCount() == 1 && INSTRUCTOR_ONLY.contains(name)) {
            return true;
        }
        return NEVER_COPIED.contains(name) || name.endsWith(".iml") || name.endsWith(".class");
    }

    /** Copies one file, keeping its permissions (./mvnw stays executable). */
    static void copy(Path fromRoot, Path toRoot, Path relative) throws IOException {
        Path target = toRoot.resolve(relative);
        Files.createDirectories(target.getParent());
        Files.copy(fromRoot.resolve(relative), target, StandardCopyOption.COPY_ATTRIBUTES,
                StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
    }

    /** Copies every file of {@link #files} from one root to the other. */
    static void copyAll(Path fromRoot, Path toRoot) throws IOException {
        for (Path relative : files(fromRoot, toRoot)) {
            copy(fromRoot, toRoot, relative);
        }
    }

    /** The output folder must be new or empty: we never write over someone's files. */
    static void requireEmpty(Path dir) throws IOException, EditionException {
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new EditionException(dir + " is a file, not a folder");
            }
            try (Stream<Path> children = Files.list(dir)) {
                if (children.findAny().isPresent()) {
                    throw new EditionException(dir + " is not empty: give a new or empty folder");
                }
            }
        }
        Files.createDirectories(dir);
    }

    /** Deletes a folder and everything in it; nothing when it is not there. */
    static void delete(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Deletes the contents of a folder, keeping the folder. */
    static void empty(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.toList()) {
                delete(child);
            }
        }
    }
}
