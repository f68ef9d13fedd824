package sockets.step3;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.BufferedReader;
import java.io.PrintWriter;
import sockets.testing.Exercise;

@AnalyzeClasses(packages = "sockets.step3", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    @Exercise("3.3")
    static final ArchRule framing_classes_work_on_streams_not_on_sockets =
            noClasses()
                    .that().resideInAPackage("..step3.framing..")
                    .should().dependOnClassesThat().resideInAPackage("java.net..")
                    .because("framing turns a byte stream into messages: any InputStream will do,"
                            + " so it is tested without a network");

    @ArchTest
    @Exercise("3.3")
    static final ArchRule nobody_reads_lines_with_the_unbounded_BufferedReader =
            noClasses()
                    .should().callMethod(BufferedReader.class, "readLine")
                    .because("BufferedReader.readLine has no length limit: a peer that never sends"
                            + " a newline fills the memory - use the bounded LineReader");

    @ArchTest
    @Exercise("3.2")
    static final ArchRule nobody_writes_through_PrintWriter =
            noClasses()
                    .should().dependOnClassesThat().areAssignableTo(PrintWriter.class)
                    .because("PrintWriter swallows I/O errors (only checkError() tells): a lost peer"
                            + " would go unnoticed - use LineWriter, which throws");

    @ArchTest
    @Exercise("3.7")
    static final ArchRule the_chat_reads_and_writes_lines_only_through_the_framing_classes =
            noClasses()
                    .that().resideInAPackage("..step3.chat..")
                    .should().dependOnClassesThat().haveFullyQualifiedName("java.io.InputStreamReader")
                    .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.OutputStreamWriter")
                    .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Scanner")
                    .because("the chat's lines are framed by LineReader and LineWriter: bounded,"
                            + " UTF-8, one flush per line");
}
