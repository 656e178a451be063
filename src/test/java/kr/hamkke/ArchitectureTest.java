package kr.hamkke;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Package-by-feature boundaries, and rule cores free of framework code. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("kr.hamkke");
    }

    @Test
    void ruleCoresImportNoFramework() {
        ArchRule rule = noClasses().that().resideInAnyPackage(
                        "kr.hamkke.identity.eligibility..", "kr.hamkke.audit.chain..",
                        "kr.hamkke.budgeting.tally..", "kr.hamkke.budgeting.ballot..",
                        "kr.hamkke.assembly.sortition..", "kr.hamkke.budgetlines.figures..",
                        "kr.hamkke.budgetlines.csv..", "kr.hamkke.proposals.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "jakarta..")
                .allowEmptyShould(true);
        rule.check(classes);
    }

    @Test
    void featuresDoNotFormCycles() {
        // Root-package classes (Application, commands, home page) sit outside every slice.
        slices().matching("kr.hamkke.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void sharedAndAuditDependOnNoFeature() {
        noClasses().that().resideInAnyPackage("kr.hamkke.shared..", "kr.hamkke.audit..")
                .should().dependOnClassesThat().resideInAnyPackage("kr.hamkke.identity..", "kr.hamkke.proposals..",
                        "kr.hamkke.budgeting..", "kr.hamkke.assembly..", "kr.hamkke.budgetlines..")
                .check(classes);
    }

    @Test
    void identityDependsOnNoOtherFeature() {
        noClasses().that().resideInAPackage("kr.hamkke.identity..")
                .should().dependOnClassesThat().resideInAnyPackage("kr.hamkke.proposals..",
                        "kr.hamkke.budgeting..", "kr.hamkke.assembly..", "kr.hamkke.budgetlines..")
                .check(classes);
    }
}
