package dev.taskcheck.model;

import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A system and code pair, as in a FHIR Coding; configuration uses it to name output types.
 *
 * @param system the code system URI, or null when absent
 * @param code the code, or null when absent
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record Coding(@Nullable String system, @Nullable String code) {

  /** True when both are present. */
  public boolean isComplete() {
    return system != null && code != null;
  }

  /** True when {@code other} has the same system and code (both present). */
  public boolean matches(Coding other) {
    return isComplete() && Objects.equals(system, other.system) && Objects.equals(code, other.code);
  }

  @Override
  public String toString() {
    return (system == null ? "" : system) + "#" + (code == null ? "" : code);
  }
}
