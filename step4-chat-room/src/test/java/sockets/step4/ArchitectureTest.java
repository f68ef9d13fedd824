package sockets.step4;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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
}
