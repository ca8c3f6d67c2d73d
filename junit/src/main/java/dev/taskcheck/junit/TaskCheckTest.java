package dev.taskcheck.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class whose tests take a {@link TaskChecker} parameter, configured here like the library
 * (and the CLI's options of the same names). One checker is built per configuration and test run,
 * and shared by every test and thread that asks for it:
 *
 * <pre>{@code
 * @TaskCheckTest(ruleSet = "strict", now = "2025-06-01T00:00:00Z")
 * class PayloadTest {
 *   @TestFactory
 *   Stream<DynamicNode> payloads(TaskChecker checker) {
 *     return checker.payloadTests(Path.of("src/test/fhir"));
 *   }
 * }
 * }</pre>
 *
 * Paths are relative to the working directory (the module's folder under Maven).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(TaskCheckExtension.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public @interface TaskCheckTest {

  /** The FHIR release (1.4.0, STU3, R4, R4B, R5); empty to detect it per document. */
  String fhirVersion() default "";

  /** The structure engine: {@code auto} (the default), {@code fast} or {@code reference}. */
  String engine() default "auto";

  /** The rule set ({@code recommended}, {@code strict}, ...); empty for the default. */
  String ruleSet() default "";

  /** Rule overrides written {@code ID=off|information|warning|error} ({@code --rule}). */
  String[] rules() default {};

  /** IG packages: {@code id#version} from the package cache, or a {@code .tgz} or folder path. */
  String[] igs() default {};

  /** Profiles every Task is checked against, claimed or not. */
  String[] profiles() default {};

  /** FHIRPath rule files, YAML or JSON. */
  String[] ruleFiles() default {};

  /**
   * The instant the date rules take as now (ISO-8601, {@code 2025-06-01T00:00:00Z}); empty for the
   * clock.
   */
  String now() default "";
}
