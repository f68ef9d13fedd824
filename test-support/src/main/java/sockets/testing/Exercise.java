package sockets.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says which graded exercise a test belongs to, by its id in the step's
 * {@code src/test/resources/exercises.txt}. On a class it covers every test inside, nested
 * classes included; on a method or an ArchUnit rule field it covers just that test.
 */
// tag::exercise-annotation[]
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD})
public @interface Exercise {
    /** The exercise id, such as {@code "2.3"}. */
    String value();
}
// end::exercise-annotation[]
