package dev.taskcheck.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * The command line touches the core only through its public API: the types marked {@link API} with
 * a status other than {@code INTERNAL} (the facade, the model, the report formats), never the
 * engine, rules or HAPI.
 */
class CliArchitectureTest {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.taskcheck.cli");

  /** A core type outside the public API (nested types count as their top-level type). */
  private static final DescribedPredicate<JavaClass> INTERNAL_CORE_TYPE =
      new DescribedPredicate<>("TaskCheck core types outside the public API") {
        @Override
        public boolean test(JavaClass c) {
          JavaClass type = c.getBaseComponentType();
          while (type.getEnclosingClass().isPresent()) {
            type = type.getEnclosingClass().get();
          }
          if (!type.getPackageName().startsWith("dev.taskcheck")
              || type.getPackageName().startsWith("dev.taskcheck.cli")) {
            return false;
          }
          return !type.isAnnotatedWith(API.class)
              || type.getAnnotationOfType(API.class).status() == API.Status.INTERNAL;
        }
      };

  @Test
  void onlyThePublicApi() {
    noClasses()
        .that()
        .resideInAPackage("dev.taskcheck.cli..")
        .should()
        .dependOnClassesThat(INTERNAL_CORE_TYPE)
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage("ca.uhn..", "org.hl7..")
        .check(classes);
  }
}
