package dev.taskcheck.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What the rules need to know about a deployment (the {@code --config} file, see {@link
 * ConfigFiles}).
 *
 * @param progressOutputTypes output types whose outputs are progress outputs, besides every Ratio
 *     output
 * @param overDeliveryAllowed whether a progress numerator may exceed its denominator (progress-2)
 * @param clockSkew how far in the future a date may be before date-6 reports it
 * @param countedOutputs what progress-10 counts; empty switches progress-10 off
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record RuleConfig(
    List<Coding> progressOutputTypes,
    boolean overDeliveryAllowed,
    Duration clockSkew,
    List<CountedOutput> countedOutputs) {

  /**
   * The default skew between the clocks of the system that wrote a Task and the one checking it.
   */
  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(5);

  public RuleConfig {
    progressOutputTypes = List.copyOf(progressOutputTypes);
    Objects.requireNonNull(clockSkew);
    if (clockSkew.isNegative()) {
      throw new IllegalArgumentException("clockSkew must not be negative, got " + clockSkew);
    }
    countedOutputs = List.copyOf(countedOutputs);
  }

  /** No extra progress output types, no over-delivery, a 5-minute skew, no counting. */
  public static RuleConfig defaults() {
    return new RuleConfig(List.of(), false, DEFAULT_CLOCK_SKEW, List.of());
  }

  /**
   * One thing progress-10 counts: outputs of a type, or outputs referencing a resource type.
   *
   * @param progressType the progress output whose numerator is the count; null for every progress
   *     output
   * @param outputType count outputs with this type (null: any type)
   * @param resourceType count outputs whose value references this resource type (null: any value)
   */
  public record CountedOutput(
      @Nullable Coding progressType, @Nullable Coding outputType, @Nullable String resourceType) {

    public CountedOutput {
      if (outputType == null && resourceType == null) {
        throw new IllegalArgumentException(
            "a counted output needs an outputType, a resourceType or both");
      }
    }
  }
}
