package sockets.step4;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Set;
import sockets.testing.Exercise;

@AnalyzeClasses(packages = "sockets.step4", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @Exercise("4.3")
    @ArchTest
    static final ArchRule the_chat_talks_to_the_network_only_through_SimpleSocket =
            noClasses()
                    .that().resideInAPackage("sockets.step4")
                    .and().doNotHaveSimpleName("SimpleSocket")
                    .and().doNotHaveSimpleName("SimpleServerSocket")
                    .and().doNotHaveSimpleName("TlsWrapper")
                    .and().doNotHaveSimpleName("TcpOptions")
                    .and().doNotHaveSimpleName("Closing")
                    .should().dependOnClassesThat().resideInAnyPackage("java.net..", "java.nio.channels..")
                    .because("SimpleSocket and SimpleServerSocket are the course's socket classes (TlsWrapper wraps"
                            + " them in TLS, TcpOptions sets their TCP options, Closing ends them): the server, the"
                            + " client and the command line use them and never a java.net class, not even an exception");

    @Exercise("4.10")
    @ArchTest
    static final ArchRule certificates_and_trust_never_touch_the_network =
            noClasses()
                    .that().resideInAPackage("sockets.step4.tls")
                    .should().dependOnClassesThat().resideInAnyPackage("java.net..", "java.nio.channels..")
                    .orShould().dependOnClassesThat().haveSimpleName("SSLSocket")
                    .because("a certificate, a fingerprint and a decision to trust are the same whatever carries"
                            + " them: TlsWrapper alone puts them on a connection");

    @Exercise("4.5")
    @ArchTest
    static final ArchRule only_an_outbox_writes_to_a_client_of_the_server =
            noClasses()
                    .that().doNotHaveSimpleName("Outbox")
                    .and().doNotHaveSimpleName("ChatClient")
                    .and().doNotHaveSimpleName("SimpleSocket")
                    .should().callMethod(SimpleSocket.class, "sendLine", String.class)
                    .orShould().callMethod(SimpleSocket.class, "sendLines", List.class)
                    .because("two threads must never write one stream: on the server each client's Outbox"
                            + " has the one writer thread, and everyone else queues lines there");

    @Exercise("4.5")
    @ArchTest
    static final ArchRule no_thread_waits_in_a_monitor =
            noClasses()
                    .should().callMethod(Object.class, "wait")
                    .orShould().callMethod(Object.class, "wait", long.class)
                    .orShould().callMethod(Object.class, "notify")
                    .orShould().callMethod(Object.class, "notifyAll")
                    .because("on JDK 21 to 23 a virtual thread waiting in a monitor pins its carrier thread:"
                            + " a few hundred of them stall every other client - wait on a java.util.concurrent"
                            + " lock's Condition, a BlockingQueue or a latch instead");

    @Exercise("4.5")
    @ArchTest
    static final ArchRule no_method_is_synchronized =
            noMethods()
                    .should().haveModifier(JavaModifier.SYNCHRONIZED)
                    .because("the chat guards its shared state with java.util.concurrent locks: a virtual thread"
                            + " blocked on a monitor pins its carrier on JDK 21 to 23");

    @Exercise("4.9")
    @ArchTest
    static final ArchRule only_the_entry_points_end_the_program =
            noClasses()
                    .should().callMethodWhere(DescribedPredicate.describe(
                            "System.exit, Runtime.exit or Runtime.halt outside ChatMain and the Java 8 ChatLauncher",
                            (JavaMethodCall call) -> endsTheProgram(call) && !inAnEntryPoint(call)))
                    .because("a library that ends the JVM ends whoever uses it - a test run, the tour under"
                            + " exec:java: the server and the client return an exit code, and only the mains"
                            + " (ChatMain.main and its signal hook, ChatLauncher) exit with it");

    private static boolean endsTheProgram(JavaMethodCall call) {
        boolean system = call.getTargetOwner().isEquivalentTo(System.class) && call.getName().equals("exit");
        boolean runtime = call.getTargetOwner().isEquivalentTo(Runtime.class) && Set.of("exit", "halt").contains(call.getName());
        return system || runtime;
    }

    private static boolean inAnEntryPoint(JavaMethodCall call) {
        String owner = call.getOriginOwner().getName();
        return owner.equals(ChatMain.class.getName()) || owner.startsWith("sockets.step4.ChatLauncher");
    }
}
