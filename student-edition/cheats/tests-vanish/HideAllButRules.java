package sockets.step2;

import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * A cheat for .ci/grading-check (student-edition/cheats/README.md): compiled by the check and put
 * into step 2's main resources as a class file, with a service file that makes JUnit load it, it
 * removes every test method from the run and keeps the ArchUnit rules, which pass on stubs. The
 * removed tests leave no trace in either record (results.tsv, Surefire's reports): only the
 * course's own list of each exercise's tests shows they are missing.
 */
public final class HideAllButRules implements PostDiscoveryFilter {

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        boolean method = descriptor.getSource().filter(MethodSource.class::isInstance).isPresent();
        return method ? FilterResult.excluded("hidden by the cheat") : FilterResult.included("an ArchUnit rule or a class");
    }
}
