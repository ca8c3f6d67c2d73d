package dev.taskcheck.fhirpath;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** What one evaluation shares: the compiled expression's model and units, the environment and the roots. */
final class Run {

  final FhirModel model;
  final Units units;
  final Environment env;
  final Coll context;
  final @Nullable FhirNode resource;
  final @Nullable FhirNode rootResource;
  private @Nullable OffsetDateTime now;

  Run(FhirModel model, Units units, Environment env, Coll context, @Nullable FhirNode resource,
      @Nullable FhirNode rootResource) {
    this.model = model;
    this.units = units;
    this.env = env;
    this.context = context;
    this.resource = resource;
    this.rootResource = rootResource;
  }

  /** The evaluation's clock reading: the same for every now(), today() and timeOfDay() of one evaluation. */
  OffsetDateTime now() {
    OffsetDateTime n = now;
    if (n == null) {
      n = OffsetDateTime.now(env.clock());
      now = n;
    }
    return n;
  }
}
