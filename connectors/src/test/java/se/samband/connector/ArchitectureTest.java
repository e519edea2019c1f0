package se.samband.connector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The connector's boundaries: it builds on notice and security, never on the hub, and does crypto only through them. */
@AnalyzeClasses(packages = "se.samband.connector", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule neverTheHub = noClasses()
            .should().dependOnClassesThat().resideInAPackage("se.samband.hub..")
            .because("dependencies point notice <- security <- routes, connectors");

    @ArchTest
    static final ArchRule noBouncyCastle = noClasses()
            .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..")
            .because("crypto goes through the security module's small API (Sealing, CertificateValidator)");

    @ArchTest
    static final ArchRule coreStaysPlain = noClasses()
            .that().resideInAPackage("se.samband.connector.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.camel..")
            .because("the core turns a submission into a sealed notice, whatever runs it");
}
