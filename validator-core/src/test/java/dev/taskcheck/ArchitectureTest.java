package dev.taskcheck;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Set;
import org.apiguardian.api.API;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package arrows of ARCHITECTURE.md, for every package of validator-core including the root:
 *
 * <pre>
 * hapi -> dev.taskcheck (facade) -> engine -> rules.catalog -> rules.* -> rules -> fhir -> model
 *                                    engine -> source -> parse;  report -> model
 * </pre>
 *
 * <p>{@code model} is a leaf; nothing but the HAPI adapters imports the facade; no package cycle
 * anywhere; nothing imports Maven; HAPI and the HL7 core stay inside {@code engine} and {@code
 * hapi}; the public API (facade, model, the report formats) carries {@link API} status markers and
 * exposes no internal type.
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.taskcheck");
  }

  private static final String[] HAPI = {"ca.uhn..", "org.hl7.."};
  private static final String FACADE = "dev.taskcheck";
  private static final String MODEL = "dev.taskcheck.model..";

  /**
   * What any package may use besides TaskCheck's own: the JDK (XML APIs included) and the
   * annotations.
   */
  private static final String[] PLATFORM = {
    "java..",
    "javax.annotation..",
    "javax.xml..",
    "org.w3c.dom..",
    "org.xml.sax..",
    "org.jspecify..",
    "org.apiguardian.."
  };

  @Test
  void theModelIsALeaf() {
    classes()
        .that()
        .resideInAPackage(MODEL)
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(concat(PLATFORM, MODEL))
        .check(classes);
  }

  @Test
  void nothingButTheHapiAdaptersImportsTheFacade() {
    noClasses()
        .that()
        .resideOutsideOfPackages(FACADE, "dev.taskcheck.hapi..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(FACADE)
        .check(classes);
  }

  /** Every package is a slice of its own (the root too), and no two depend on each other. */
  @Test
  void noPackageCycles() {
    slices()
        .assignedFrom(
            new SliceAssignment() {
              @Override
              public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                return javaClass.getPackageName().startsWith("dev.taskcheck")
                    ? SliceIdentifier.of(javaClass.getPackageName())
                    : SliceIdentifier.ignore();
              }

              @Override
              public String getDescription() {
                return "every package of dev.taskcheck";
              }
            })
        .should()
        .beFreeOfCycles()
        .check(classes);
  }

  @Test
  void nothingImportsMaven() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.apache.maven..")
        .check(classes);
  }

  @Test
  void hapiStaysInTheEngineAndTheAdapters() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.taskcheck.engine..", "dev.taskcheck.hapi..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(HAPI)
        .check(classes);
  }

  @Test
  void fhirDependsOnTheModelOnly() {
    classes()
        .that()
        .resideInAPackage("dev.taskcheck.fhir..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(concat(PLATFORM, MODEL, "dev.taskcheck.fhir..", "org.fhir.ucum.."))
        .check(classes);
  }

  @Test
  void rulesSeeTasksThroughTheFhirViewOnly() {
    classes()
        .that()
        .resideInAPackage("dev.taskcheck.rules")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(concat(PLATFORM, MODEL, "dev.taskcheck.rules", "dev.taskcheck.fhir.."))
        .check(classes);
    // a rule package knows the rule API and the FHIR view, not the catalog nor another rule package
    classes()
        .that()
        .resideInAPackage("dev.taskcheck.rules.(*)")
        .and()
        .resideOutsideOfPackage("dev.taskcheck.rules.catalog")
        .should(
            dependOnlyOnOwnPackageOr(
                concat(PLATFORM, MODEL, "dev.taskcheck.rules", "dev.taskcheck.fhir..")))
        .check(classes);
    classes()
        .that()
        .resideInAPackage("dev.taskcheck.rules.catalog")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            concat(PLATFORM, MODEL, "dev.taskcheck.rules..", "dev.taskcheck.fhir.."))
        .check(classes);
  }

  @Test
  void reportDependsOnTheModelOnly() {
    classes()
        .that()
        .resideInAPackage("dev.taskcheck.report..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            concat(
                PLATFORM,
                MODEL,
                "dev.taskcheck.report..",
                "com.fasterxml.jackson..",
                "net.sf.saxon.."))
        .check(classes);
  }

  @Test
  void parseAndSourceKnowNothingOfEnginesRulesOrHapi() {
    classes()
        .that()
        .resideInAPackage("dev.taskcheck.parse..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(concat(PLATFORM, "dev.taskcheck.parse..", "com.fasterxml.jackson.."))
        .check(classes);
    classes()
        .that()
        .resideInAPackage("dev.taskcheck.source..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            concat(PLATFORM, MODEL, "dev.taskcheck.source..", "dev.taskcheck.parse.."))
        .check(classes);
  }

  @Test
  void fhirPathIsALeaf() {
    classes()
        .that()
        .resideInAPackage("dev.taskcheck.fhirpath..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(concat(PLATFORM, "dev.taskcheck.fhirpath..", "org.fhir.ucum.."))
        .check(classes);
  }

  /**
   * The fast engine, its plan and its FHIRPath evaluator reach no HAPI or HL7 class, not even
   * through the classes they use: the fast path starts without loading them. Only {@code
   * AutoEngine}, which hands what the fast engine does not cover to the reference engine, may.
   */
  @Test
  void theFastPathLoadsNoHapiClass() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.taskcheck.engine.fast..", "dev.taskcheck.plan..", "dev.taskcheck.fhirpath..")
        .and()
        .doNotHaveSimpleName("AutoEngine")
        .should()
        .transitivelyDependOnClassesThat()
        .resideInAnyPackage(HAPI)
        .check(classes);
  }

  @Test
  void theEngineDoesNotRender() {
    noClasses()
        .that()
        .resideInAPackage("dev.taskcheck.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.taskcheck.report..")
        .check(classes);
  }

  @Test
  void theFacadeExposesNoHapiType() {
    noClasses()
        .that()
        .resideInAPackage(FACADE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(HAPI)
        .check(classes);
  }

  /** The public API: the facade, the model, the report formats and the HAPI adapters. */
  private static final DescribedPredicate<JavaClass> PUBLIC_API =
      new DescribedPredicate<>("public API types") {
        @Override
        public boolean test(JavaClass c) {
          return c.getModifiers().contains(JavaModifier.PUBLIC)
              && c.isTopLevelClass()
              && (c.getPackageName().equals(FACADE)
                  || c.getPackageName().equals("dev.taskcheck.model")
                  || c.getPackageName().equals("dev.taskcheck.report")
                  || c.getPackageName().equals("dev.taskcheck.hapi"));
        }
      };

  @Test
  void everyPublicApiTypeHasAnApiStatus() {
    classes().that(PUBLIC_API).should().beAnnotatedWith(API.class).check(classes);
  }

  /** A user of the public API never meets an internal type in a public signature. */
  @Test
  void thePublicApiExposesOnlyPublicApiTypes() {
    classes()
        .that(PUBLIC_API)
        .should(
            new ArchCondition<>("expose only API types in public signatures") {
              @Override
              public void check(JavaClass c, ConditionEvents events) {
                for (JavaMethod m : c.getMethods()) {
                  if (!m.getModifiers().contains(JavaModifier.PUBLIC)) {
                    continue;
                  }
                  Set<JavaClass> types = new java.util.HashSet<>(m.getRawParameterTypes());
                  types.add(m.getRawReturnType());
                  for (JavaClass t : types) {
                    String pkg = t.getPackageName();
                    boolean internal =
                        pkg.startsWith("dev.taskcheck.")
                            && !pkg.equals("dev.taskcheck.model")
                            && !pkg.equals("dev.taskcheck.report")
                            && !pkg.equals("dev.taskcheck.hapi");
                    boolean internalReportType =
                        pkg.equals("dev.taskcheck.report")
                            && !PUBLIC_API.test(t.getBaseComponentType());
                    if (internal || internalReportType) {
                      events.add(
                          SimpleConditionEvent.violated(
                              m, m.getFullName() + " exposes " + t.getName()));
                    }
                  }
                }
              }
            })
        .check(classes);
  }

  private static ArchCondition<JavaClass> dependOnlyOnOwnPackageOr(String[] allowed) {
    return new ArchCondition<>(
        "depend only on their own package and " + String.join(", ", allowed)) {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        c.getDirectDependenciesFromSelf()
            .forEach(
                d -> {
                  JavaClass target = d.getTargetClass().getBaseComponentType();
                  String pkg = target.getPackageName();
                  if (target.isPrimitive() || pkg.equals(c.getPackageName())) {
                    return;
                  }
                  for (String a : allowed) {
                    if (com.tngtech.archunit.core.domain.PackageMatcher.of(a).matches(pkg)) {
                      return;
                    }
                  }
                  events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                });
      }
    };
  }

  private static String[] concat(String[] first, String... more) {
    String[] out = new String[first.length + more.length];
    System.arraycopy(first, 0, out, 0, first.length);
    System.arraycopy(more, 0, out, first.length, more.length);
    return out;
  }
}
