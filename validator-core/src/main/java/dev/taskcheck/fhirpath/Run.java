package dev.taskcheck.fhirpath;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * What the evaluations of one {@link EvaluationContext} share: the compiled expressions' model and
 * units, the environment and the roots, and the clock reading.
 */
final class Run {

  final FhirModel model;
  final Units units;
  final Environment env;
  final @Nullable FhirNode resource;
  final @Nullable FhirNode rootResource;
  private final EvaluationContext context;

  Run(FhirModel model, Units units, EvaluationContext context) {
    this.model = model;
    this.units = units;
    this.env = context.environment();
    this.resource = context.resource();
    this.rootResource = context.rootResource();
    this.context = context;
  }

  /**
   * The clock reading: the same for every now(), today() and timeOfDay() of one evaluation context.
   */
  OffsetDateTime now() {
    return context.now();
  }
}
