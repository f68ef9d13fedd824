package sockets.step3;

import java.io.IOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.StandardLocation;

/**
 * A cheat for .ci/grading-check (student-edition/cheats/README.md): an annotation processor in
 * the student's main code, registered in its main resources. javac runs it while it compiles the
 * official tests (the step's classes are on their classpath), and it turns on JUnit's extension
 * auto-detection in the compiled tests' folder - the door for an extension that skips every test.
 */
@SupportedAnnotationTypes("*")
public final class SneakyProcessor extends AbstractProcessor {

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (round.processingOver()) {
            try (Writer out = processingEnv.getFiler()
                    .createResource(StandardLocation.CLASS_OUTPUT, "", "junit-platform.properties").openWriter()) {
                out.write("junit.jupiter.extensions.autodetection.enabled=true\n");
            } catch (IOException | IllegalStateException e) {
                // Written once already.
            }
        }
        return false;
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }
}
