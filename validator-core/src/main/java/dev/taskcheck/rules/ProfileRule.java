package dev.taskcheck.rules;

import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.RuleSet;
import dev.taskcheck.model.Severity;
import java.util.List;
import java.util.Objects;

/**
 * The catalog entry of a rule implemented as an invariant in one of TaskCheck's
 * StructureDefinitions (constraint key = {@link #id}), so that any FHIR validator loading the
 * package enforces it. The FHIRPath lives in the profile; this is its metadata, declared once in
 * {@code BuiltInRules.PROFILE}, with the attributes of {@link TaskRule} and the same defaults (the
 * short constructor). Having no class, it names itself. A catalog meta-test keeps the profiles and
 * these entries in step (key, severity, releases).
 *
 * @param profile the canonical URL of the StructureDefinition holding the invariant
 * @param ruleSets as {@link TaskRule#ruleSets}
 * @param replaces as {@link TaskRule#replaces}: empty for none
 * @param skipsEnteredInError as {@link TaskRule#skipsEnteredInError}
 */
public record ProfileRule(
    String id,
    String name,
    RuleCategory category,
    Severity severity,
    List<FhirRelease> versions,
    String summary,
    List<RuleBasis> basis,
    String since,
    String profile,
    List<RuleSet> ruleSets,
    String replaces,
    ReplacedIn replacedIn,
    boolean skipsEnteredInError) {

  public static final String TASK_PROFILE =
      "https://taskcheck.dev/fhir/StructureDefinition/taskcheck-task";
  public static final String RATIO_PROFILE =
      "https://taskcheck.dev/fhir/StructureDefinition/taskcheck-progress-ratio";

  /**
   * The releases of catalog v1, every rule's releases unless it declares others (as {@link
   * TaskRule#versions}).
   */
  public static final List<FhirRelease> V1_RELEASES =
      List.of(FhirRelease.R4, FhirRelease.R4B, FhirRelease.R5);

  /**
   * The releases TaskCheck's profiles package is built for, and so the releases of every rule it
   * carries (the short constructor's).
   */
  public static final List<FhirRelease> PACKAGE_RELEASES =
      List.of(FhirRelease.STU3, FhirRelease.R4, FhirRelease.R4B, FhirRelease.R5);

  public ProfileRule {
    Objects.requireNonNull(id);
    Objects.requireNonNull(name);
    Objects.requireNonNull(category);
    Objects.requireNonNull(severity);
    versions = List.copyOf(versions);
    Objects.requireNonNull(summary);
    basis = List.copyOf(basis);
    Objects.requireNonNull(since);
    Objects.requireNonNull(profile);
    ruleSets = List.copyOf(ruleSets);
    Objects.requireNonNull(replaces);
    Objects.requireNonNull(replacedIn);
  }

  /**
   * A rule with the defaults of {@link TaskRule}: the releases of catalog v1, since the first
   * release, every rule set that keeps it, replacing nothing, applying to entered-in-error Tasks
   * too.
   */
  public ProfileRule(
      String id,
      String name,
      RuleCategory category,
      Severity severity,
      String profile,
      List<RuleBasis> basis,
      String summary) {
    this(
        id,
        name,
        category,
        severity,
        V1_RELEASES,
        summary,
        basis,
        TaskRule.FIRST_RELEASE,
        profile,
        List.of(),
        "",
        ReplacedIn.TASK,
        false);
  }

  /**
   * This rule in every release of the profiles package ({@link #PACKAGE_RELEASES}), STU3 included:
   * the package of each release carries the same invariants.
   */
  public ProfileRule inEveryPackage() {
    return with(PACKAGE_RELEASES, skipsEnteredInError);
  }

  /**
   * This rule, not applying to entered-in-error Tasks (as {@link TaskRule#skipsEnteredInError}).
   */
  public ProfileRule skippingEnteredInError() {
    return with(versions, true);
  }

  private ProfileRule with(List<FhirRelease> newVersions, boolean skips) {
    return new ProfileRule(
        id,
        name,
        category,
        severity,
        newVersions,
        summary,
        basis,
        since,
        profile,
        ruleSets,
        replaces,
        replacedIn,
        skips);
  }
}
