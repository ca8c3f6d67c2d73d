package dev.taskcheck.engine.custom;

import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.RuleInfo;
import dev.taskcheck.model.Severity;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One rule of a FHIRPath rule file, as written.
 *
 * @param id the rule's id ({@code acme-1}), its prefix its own
 * @param severity error, warning or information
 * @param expression FHIRPath that must evaluate to {@code true} on the Task (or on each element
 *     {@code context} selects)
 * @param where FHIRPath that selects the Tasks the rule applies to (true applies), or null for all
 * @param context FHIRPath, from the Task, selecting the elements the expression is checked on; null
 *     for the Task itself
 * @param message what a finding says
 * @param summary one line for the catalog (the message when the file gives none)
 * @param versions the FHIR releases the rule applies to
 * @param ruleSets the rule sets that run it; empty for every one
 * @param documentation a documentation URL, or null
 * @param since the version of the rule file that introduced the rule, as the file says; empty when
 *     it does not
 * @param file the rule file, as the user named it
 * @param line the line of the rule in its file
 * @param expressionLine the line of its {@code expression}, for compile errors
 * @param whereLine the line of its {@code where}, or 0
 * @param contextLine the line of its {@code context}, or 0
 */
record FhirPathRule(
    String id,
    Severity severity,
    String expression,
    @Nullable String where,
    @Nullable String context,
    String message,
    String summary,
    List<FhirRelease> versions,
    List<String> ruleSets,
    @Nullable String documentation,
    String since,
    String file,
    int line,
    int expressionLine,
    int whereLine,
    int contextLine) {

  FhirPathRule {
    Objects.requireNonNull(id);
    Objects.requireNonNull(severity);
    Objects.requireNonNull(expression);
    Objects.requireNonNull(message);
    Objects.requireNonNull(summary);
    versions = List.copyOf(versions);
    ruleSets = List.copyOf(ruleSets);
    Objects.requireNonNull(since);
    Objects.requireNonNull(file);
  }

  /** The rule as the catalog lists it. */
  RuleInfo info() {
    return new RuleInfo(
        id,
        id,
        RuleIds.prefix(id),
        severity,
        versions,
        summary,
        RuleInfo.Kind.FHIRPATH,
        List.of("IG"),
        since,
        ruleSets,
        file + ":" + line,
        documentation);
  }
}
