package sockets.step1;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.Closeable;
import java.net.InetAddress;
import java.util.Set;
import sockets.testing.Exercise;

/**
 * What step 1 teaches, as rules on its own code. A rule belongs to an exercise when a plausible
 * answer to that exercise breaks it; the others hold for the step as a whole and are not graded
 * (they still fail the build when broken).
 */
@AnalyzeClasses(packages = "sockets.step1", importOptions = ImportOption.DoNotIncludeTests.class)
class StepRulesTest {

    private static final Set<String> TALKING = Set.of("connect", "accept", "getInputStream",
            "getOutputStream", "read", "write", "send", "receive");

    private static final DescribedPredicate<JavaMethodCall> CONNECTS_OR_MOVES_DATA = DescribedPredicate.describe(
            "connect(), accept(), a stream, read(), write(), send() or receive() of a socket",
            call -> TALKING.contains(call.getName())
                    && (call.getTargetOwner().getPackageName().equals("java.net")
                            || call.getTargetOwner().getPackageName().equals("java.nio.channels")));

    @ArchTest
    @Exercise("1.2")
    static final ArchRule only_AddressLookup_turns_names_into_addresses =
            noClasses().that().doNotHaveSimpleName("AddressLookup")
                    .should().callMethod(InetAddress.class, "getAllByName", String.class)
                    .orShould().callMethod(InetAddress.class, "getByName", String.class)
                    .because("getaddrinfo() has one Java analogue, and step 1 keeps it in one place");

    @ArchTest
    @Exercise("1.3")
    static final ArchRule only_ChannelOpener_and_the_tour_use_java_nio_channels =
            noClasses().that().doNotHaveSimpleName("ChannelOpener")
                    .and().doNotHaveSimpleName("Tour")
                    .should().dependOnClassesThat().resideInAPackage("java.nio.channels..")
                    .because("java.net's Socket is the plain way; a channel is the way to name the"
                            + " address family (INET, INET6, UNIX), taught in ChannelOpener");

    @ArchTest
    static final ArchRule step_1_stops_at_the_endpoint_it_never_connects_or_moves_data =
            noClasses().should().callMethodWhere(CONNECTS_OR_MOVES_DATA)
                    .because("step 1 is about one endpoint: connect and accept are step 2,"
                            + " reading and writing step 3");

    @ArchTest
    static final ArchRule the_library_keeps_no_socket_in_a_field =
            noFields().should().haveRawType(JavaClass.Predicates.assignableTo(Closeable.class))
                    .because("whoever opens a socket closes it: the library hands sockets out"
                            + " and never keeps one, so try-with-resources can free every port");
}
