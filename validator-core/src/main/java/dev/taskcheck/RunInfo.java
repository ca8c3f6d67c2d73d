package dev.taskcheck;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a run was asked to do, known before the first result.
 *
 * @param toolName always {@code taskcheck}
 * @param toolVersion the TaskCheck version
 * @param fhirVersion the requested FHIR version: {@code auto}, {@code R4}, {@code R4B} or {@code R5}
 * @param ruleSet the rule set in force
 * @param engine the structure engine ({@code reference})
 * @param now the clock used for time-relative rules
 * @param startedAt when the run started
 */
public record RunInfo(
    String toolName,
    String toolVersion,
    String fhirVersion,
    RuleSet ruleSet,
    String engine,
    Instant now,
    Instant startedAt) {

  public RunInfo {
    Objects.requireNonNull(toolName);
    Objects.requireNonNull(toolVersion);
    Objects.requireNonNull(fhirVersion);
    Objects.requireNonNull(ruleSet);
    Objects.requireNonNull(engine);
    Objects.requireNonNull(now);
    Objects.requireNonNull(startedAt);
  }

  /**
   * The FHIR version a report states for the whole run: the requested one when it was explicit; under
   * {@code auto}, the one release every resource used, {@code mixed} when they differ, and {@code auto}
   * when nothing was validated.
   */
  public String effectiveFhirVersion(@Nullable Summary summary) {
    if (!"auto".equals(fhirVersion) || summary == null) {
      return fhirVersion;
    }
    var used = summary.releases().entrySet().stream().filter(e -> e.getValue() > 0).toList();
    if (used.size() == 1) {
      return used.get(0).getKey().code();
    }
    return used.isEmpty() ? "auto" : "mixed";
  }
}
