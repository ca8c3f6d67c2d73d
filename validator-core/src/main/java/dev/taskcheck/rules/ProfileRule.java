package dev.taskcheck.rules;

import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Severity;
import java.util.List;
import java.util.Objects;

/**
 * The catalog entry of a rule implemented as an invariant in one of TaskCheck's StructureDefinitions
 * (constraint key = {@link #id}), so that any FHIR validator loading the package enforces it. The FHIRPath
 * lives in the profile; this is its metadata, declared once in {@link BuiltInRules#PROFILE}. A catalog
 * meta-test keeps the two in step (key, severity, releases).
 *
 * @param profile the canonical URL of the StructureDefinition holding the invariant
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
    String profile) {

  public static final String TASK_PROFILE = "https://taskcheck.dev/fhir/StructureDefinition/taskcheck-task";
  public static final String RATIO_PROFILE =
      "https://taskcheck.dev/fhir/StructureDefinition/taskcheck-progress-ratio";

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
  }
}
