package dev.taskcheck.rules.progress;

import static dev.taskcheck.rules.RuleBasis.BP;
import static dev.taskcheck.rules.RuleCategory.PROGRESS;

import dev.taskcheck.fhir.QuantityView;
import dev.taskcheck.fhir.RatioView;
import dev.taskcheck.fhir.TaskView;
import dev.taskcheck.fhir.UcumUnits;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Severity;
import dev.taskcheck.rules.MessageKey;
import dev.taskcheck.rules.Rule;
import dev.taskcheck.rules.RuleContext;
import dev.taskcheck.rules.TaskRule;
import java.util.Objects;

/**
 * The numerator and denominator of progress measure the same thing. UCUM decides (not FHIRPath,
 * whose engines call {@code 4 '{session}' <= 10 'mg'} true): an error when the units are not
 * commensurable, a warning when they differ but convert (mg of g) or differ only in annotation
 * ({@code {session}} of {@code {visit}}), or when units outside UCUM differ.
 */
@TaskRule(
    id = "progress-5",
    versions = {
      FhirRelease.V1_4_0,
      FhirRelease.STU3,
      FhirRelease.R4,
      FhirRelease.R4B,
      FhirRelease.R5
    },
    category = PROGRESS,
    severity = Severity.ERROR,
    basis = BP,
    skipsEnteredInError = true,
    summary =
        "Progress numerator and denominator have the same unit (error when UCUM says they cannot convert)")
public final class CommensurableUnits implements Rule {

  @MessageKey static final String INCOMMENSURABLE = "incommensurable";
  @MessageKey static final String CONVERTIBLE = "convertible";
  @MessageKey static final String ANNOTATION = "annotation";
  @MessageKey static final String DIFFER = "differ";

  @Override
  public void check(TaskView task, RuleContext ctx) {
    for (RatioView r : ProgressOutputs.ratios(task, ctx)) {
      QuantityView num = r.numerator();
      QuantityView den = r.denominator();
      if (num == null || den == null || Objects.equals(num.unitKey(), den.unitKey())) {
        continue;
      }
      String a = num.ucumCode();
      String b = den.ucumCode();
      String shownA = shown(num);
      String shownB = shown(den);
      if (a != null && b != null) {
        switch (UcumUnits.shared().compare(a, b)) {
          case NOT_COMMENSURABLE -> ctx.report(r.expression(), INCOMMENSURABLE, shownA, shownB);
          case COMMENSURABLE ->
              ctx.report(Severity.WARNING, r.expression(), CONVERTIBLE, shownA, shownB);
          case ANNOTATION_ONLY ->
              ctx.report(Severity.WARNING, r.expression(), ANNOTATION, shownA, shownB);
          case SAME, INVALID -> {
            // same code; or not UCUM at all, which the structure stage reports
          }
        }
      } else {
        ctx.report(Severity.WARNING, r.expression(), DIFFER, shownA, shownB);
      }
    }
  }

  private static String shown(QuantityView q) {
    if (q.code() != null) {
      return q.code();
    }
    return q.unit() != null ? q.unit() : "(no unit)";
  }
}
