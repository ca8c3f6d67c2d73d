package dev.taskcheck.fhirpath;

import java.time.OffsetDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The roots and the environment of evaluations on one resource: {@code %resource}, {@code
 * %rootResource} and the {@link Environment}. Create one per resource (or document) and evaluate
 * every expression on every element with it: it keeps what the evaluations share, including one
 * clock reading for {@code now()}. Cheap to create; meant for one thread at a time.
 */
public final class EvaluationContext {

  private final @Nullable FhirNode resource;
  private final @Nullable FhirNode rootResource;
  private final Environment environment;
  private @Nullable OffsetDateTime now;
  private @Nullable Run run;

  private EvaluationContext(
      @Nullable FhirNode resource, @Nullable FhirNode rootResource, Environment environment) {
    this.resource = resource;
    this.rootResource = rootResource;
    this.environment = Objects.requireNonNull(environment);
  }

  /**
   * The context of evaluations over one resource.
   *
   * @param resource {@code %resource}: the resource that holds the elements evaluated (a contained
   *     resource for the elements inside one), or null
   * @param rootResource {@code %rootResource}: the document's resource (a Bundle, the container),
   *     or null
   */
  public static EvaluationContext of(
      @Nullable FhirNode resource, @Nullable FhirNode rootResource, Environment environment) {
    return new EvaluationContext(resource, rootResource, environment);
  }

  @Nullable FhirNode resource() {
    return resource;
  }

  @Nullable FhirNode rootResource() {
    return rootResource;
  }

  Environment environment() {
    return environment;
  }

  OffsetDateTime now() {
    OffsetDateTime n = now;
    if (n == null) {
      n = OffsetDateTime.now(environment.clock());
      now = n;
    }
    return n;
  }

  /** The shared state for expressions of one model and units (kept for the next evaluation). */
  Run run(FhirModel model, Units units) {
    Run r = run;
    if (r == null || r.model != model || r.units != units) {
      r = new Run(model, units, this);
      run = r;
    }
    return r;
  }
}
