package se.samband.security;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The security module's boundaries (STYLE.md): Bouncy Castle stays in internal packages, Spring stays out. */
@AnalyzeClasses(packages = "se.samband.security", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule bouncyCastleOnlyInsideInternalPackages = noClasses()
            .that().resideOutsideOfPackage("..internal..")
            .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..")
            .because("public API types stay free of BC types, so the provider can change behind them");

    @ArchTest
    static final ArchRule securityIsPlainJava = noClasses()
            .that().resideInAPackage("se.samband.security..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..")
            .because("the security module is plain Java, used by the hub and the connectors alike");
}
