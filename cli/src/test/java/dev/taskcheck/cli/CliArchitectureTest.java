package dev.taskcheck.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The command line touches the core only through the {@code dev.taskcheck} facade types. */
class CliArchitectureTest {

  private final JavaClasses classes = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.taskcheck.cli");

  @Test
  void onlyTheFacade() {
    noClasses().that().resideInAPackage("dev.taskcheck.cli..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.taskcheck.engine..", "dev.taskcheck.parse..",
            "dev.taskcheck.source..", "dev.taskcheck.report..", "dev.taskcheck.rules..", "dev.taskcheck.fhir..",
            "ca.uhn..", "org.hl7..")
        .check(classes);
  }
}
