package dev.taskcheck.engine.fast;

import dev.taskcheck.model.FhirRelease;

/**
 * The published invariant expressions the reference engine rewrites before evaluating them (they
 * were published wrong, or say more than they mean), rewritten here the same way so that both
 * engines judge the same thing. The facts come from HL7 core 6.7.9's validator; only those a Task
 * document can meet are kept, and dom-6 and txt-1/txt-2 are decided by code instead ({@link
 * Invariants}).
 */
final class ExpressionFixes {

  private ExpressionFixes() {}

  static String fix(String expression, String key, FhirRelease release) {
    // ref-1: an empty reference, and '#' alone, satisfy it; the R5 text gains only the first guard
    if (expression.equals(
        "reference.startsWith('#').not() or (reference.substring(1).trace('url') in "
            + "%rootResource.contained.id.trace('ids')) or (reference='#' and %rootResource!=%resource)")) {
      return "reference.exists() implies (" + expression + ")";
    }
    if (expression.equals(
        "reference.startsWith('#').not() or (reference.substring(1).trace('url') in "
            + "%rootResource.contained.id.trace('ids'))")) {
      return "reference.exists() implies (reference = '#' or (" + expression + "))";
    }
    // bdl-8 (R4): an entry without fullUrl satisfies it
    if (expression.equals("fullUrl.contains('/_history/').not()")) {
      return "fullUrl.exists() implies fullUrl.contains('/_history/').not()";
    }
    if (expression.equals("probability is decimal implies (probability as decimal) <= 100")) {
      return "(probability.exists() and (probability is decimal)) implies ((probability as decimal) <= 100)";
    }
    if (expression.equals("enableWhen.count() > 2 implies enableBehavior.exists()")) {
      return "enableWhen.count() >= 2 implies enableBehavior.exists()";
    }
    if (expression.equals("generated='generated' implies source.empty()")) {
      return "generation='generated' implies source.empty()";
    }
    if (release != FhirRelease.R5
        && expression.equals(
            "offset.empty() or (when.exists() and ((when in ('C' | 'CM' | 'CD' | 'CV')).not()))")) {
      return "offset.empty() or (when.exists() and when.select($this in ('C' | 'CM' | 'CD' | 'CV')).allFalse())";
    }
    if (expression.equals(
        "(component.empty() and hasMember.empty()) implies (dataAbsentReason or value)")) {
      return "(component.empty() and hasMember.empty()) implies (dataAbsentReason.exists() or value.exists())";
    }
    if (expression.equals("isModifier implies isModifierReason.exists()")) {
      return "(isModifier.exists() and isModifier) implies isModifierReason.exists()";
    }
    if (expression.equals("name.matches('[A-Z]([A-Za-z0-9_]){0,254}')")) {
      return "name.exists() implies name.matches('^[A-Z]([A-Za-z0-9_]){0,254}$')";
    }
    return expression;
  }
}
