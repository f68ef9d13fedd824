package sockets.step4;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import sockets.testing.Exercise;

@AnalyzeClasses(packages = "sockets.step4", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @Exercise("4.1")
    @ArchTest
    static final ArchRule the_chat_talks_to_the_network_only_through_SimpleSocket =
            noClasses()
                    .that().doNotHaveSimpleName("SimpleSocket")
                    .should().dependOnClassesThat().resideInAnyPackage("java.net..", "java.nio.channels..")
                    .because("SimpleSocket is the course's socket class: the server, the client and the"
                            + " command line use it and never a java.net class, not even an exception");

    @Exercise("4.5")
    @ArchTest
    static final ArchRule only_an_outbox_writes_to_a_client_of_the_server =
            noClasses()
                    .that().doNotHaveSimpleName("Outbox")
                    .and().doNotHaveSimpleName("ChatClient")
                    .should().callMethod(SimpleSocket.class, "sendLine", String.class)
                    .orShould().callMethod(SimpleSocket.class, "sendLines", java.util.Collection.class, Runnable.class)
                    .because("two threads must never write one stream: on the server each client's Outbox"
                            + " lets one thread at a time write, and everyone else queues lines there");

    @Exercise("4.7")
    @ArchTest
    static final ArchRule only_ChatMain_main_ends_the_program =
            noClasses()
                    .should().callMethodWhere(DescribedPredicate.describe("System.exit or Runtime.exit outside ChatMain.main",
                            (JavaMethodCall call) -> endsTheProgram(call) && !inChatMainMain(call)))
                    .because("a library that calls System.exit ends whoever uses it - a test run, the demo"
                            + " under exec:java: the server and the client return an exit code, and only main exits with it");

    private static boolean endsTheProgram(JavaMethodCall call) {
        boolean owner = call.getTargetOwner().isEquivalentTo(System.class) || call.getTargetOwner().isEquivalentTo(Runtime.class);
        return owner && call.getName().equals("exit");
    }

    private static boolean inChatMainMain(JavaMethodCall call) {
        return call.getOriginOwner().isEquivalentTo(ChatMain.class) && call.getOrigin().getName().equals("main");
    }
}
