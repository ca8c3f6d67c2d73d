package dev.taskcheck;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package arrows of ARCHITECTURE.md: {@code rules -> fhir -> (HAPI model)}, {@code engine -> rules,
 * parse, fhir, source}, {@code source -> parse}, {@code report -> dev.taskcheck model only}; nothing
 * imports Maven; HAPI and the HL7 core stay inside {@code engine} (and {@code fhir}, for the model).
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.taskcheck");
  }

  private static final String[] HAPI = {"ca.uhn..", "org.hl7.."};

  @Test
  void nothingImportsMaven() {
    noClasses().should().dependOnClassesThat().resideInAPackage("org.apache.maven..").check(classes);
  }

  @Test
  void subpackagesHaveNoCycles() {
    slices().matching("dev.taskcheck.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void rulesSeeTasksThroughTheFhirViewOnly() {
    noClasses().that().resideInAPackage("dev.taskcheck.rules..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.taskcheck.engine..", "dev.taskcheck.parse..", "dev.taskcheck.source..", "dev.taskcheck.report..")
        .check(classes);
    noClasses().that().resideInAPackage("dev.taskcheck.rules..")
        .should().dependOnClassesThat().resideInAnyPackage(HAPI)
        .check(classes);
  }

  @Test
  void fhirDependsOnTheModelOnly() {
    noClasses().that().resideInAPackage("dev.taskcheck.fhir..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.taskcheck.rules..", "dev.taskcheck.engine..",
            "dev.taskcheck.parse..", "dev.taskcheck.source..", "dev.taskcheck.report..")
        .check(classes);
  }

  @Test
  void reportDependsOnTheReportModelOnly() {
    noClasses().that().resideInAPackage("dev.taskcheck.report..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.taskcheck.engine..", "dev.taskcheck.rules..",
            "dev.taskcheck.fhir..", "dev.taskcheck.parse..", "dev.taskcheck.source..", "ca.uhn..", "org.hl7..")
        .check(classes);
  }

  @Test
  void parseAndSourceKnowNothingOfEnginesOrHapi() {
    noClasses().that().resideInAnyPackage("dev.taskcheck.parse..", "dev.taskcheck.source..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.taskcheck.engine..", "dev.taskcheck.rules..",
            "dev.taskcheck.report..", "ca.uhn..", "org.hl7..")
        .check(classes);
    noClasses().that().resideInAPackage("dev.taskcheck.parse..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.taskcheck.source..", "dev.taskcheck.fhir..")
        .check(classes);
  }

  @Test
  void theEngineDoesNotRender() {
    noClasses().that().resideInAPackage("dev.taskcheck.engine..")
        .should().dependOnClassesThat().resideInAPackage("dev.taskcheck.report..")
        .check(classes);
  }

  @Test
  void theFacadeExposesNoHapiType() {
    noClasses().that().resideInAPackage("dev.taskcheck")
        .should().dependOnClassesThat().resideInAnyPackage(HAPI)
        .check(classes);
  }
}
