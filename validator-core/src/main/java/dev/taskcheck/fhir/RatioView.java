package dev.taskcheck.fhir;

import org.jspecify.annotations.Nullable;

/**
 * A Ratio value as the rules read it.
 *
 * @param expression where it is ({@code Task.output[1].value.ofType(Ratio)})
 * @param numerator null when absent
 * @param denominator null when absent
 */
public record RatioView(
    String expression, @Nullable QuantityView numerator, @Nullable QuantityView denominator) {

  static RatioView read(FhirElement e, String expression) {
    return new RatioView(
        expression,
        QuantityView.read(e.child("numerator"), expression + ".numerator"),
        QuantityView.read(e.child("denominator"), expression + ".denominator"));
  }
}
