package sockets.step2;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import sockets.testing.Exercise;

@AnalyzeClasses(packages = "sockets.step2", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    @Exercise("2.1")
    static final ArchRule server_sockets_are_created_unbound_so_options_come_before_bind =
            noClasses()
                    .should().callConstructor(ServerSocket.class, int.class)
                    .orShould().callConstructor(ServerSocket.class, int.class, int.class)
                    .orShould().callConstructor(ServerSocket.class, int.class, int.class, InetAddress.class)
                    .because("these constructors bind at once: SO_REUSEADDR set afterwards comes too late;"
                            + " use new ServerSocket() and then bind(address, backlog)");

    @ArchTest
    @Exercise("2.2")
    static final ArchRule no_class_connects_without_a_timeout =
            noClasses()
                    .should().callMethod(Socket.class, "connect", SocketAddress.class)
                    .orShould().callConstructor(Socket.class, String.class, int.class)
                    .orShould().callConstructor(Socket.class, InetAddress.class, int.class)
                    .because("a connect without a timeout can wait minutes when nobody answers;"
                            + " use socket.connect(address, timeoutMillis)");

    @ArchTest
    @Exercise("2.4")
    static final ArchRule only_the_mains_decide_the_exit_status =
            noClasses()
                    .that().doNotHaveSimpleName("ConnectServer")
                    .and().doNotHaveSimpleName("ConnectClient")
                    .should().callMethod(System.class, "exit", int.class)
                    .because("the tour runs inside Maven and the library inside tests:"
                            + " a failure is an exception, explained in one line by the main that catches it");

    @ArchTest
    @Exercise("2.4")
    static final ArchRule failures_reach_the_user_as_one_line_never_a_stack_trace =
            noClasses()
                    // By name: the call's owner is whatever exception class the code holds.
                    .should().callMethodWhere(target(name("printStackTrace")))
                    .because("a user who mistypes a port needs one line that says why (Failures.explain),"
                            + " not forty lines of stack");
}
