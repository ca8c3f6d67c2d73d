package dev.taskcheck.model;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What a run was asked to do, known before the first result.
 *
 * @param toolName always {@code taskcheck}
 * @param toolVersion the TaskCheck version
 * @param fhirVersion the requested FHIR version: {@code auto}, {@code R4}, {@code R4B} or {@code
 *     R5}
 * @param ruleSet the rule set in force
 * @param engine the structure engine ({@code reference})
 * @param now the clock used for time-relative rules
 * @param startedAt when the run started
 * @param rules the catalog entries the run checks (switched-off rules and other rule sets' rules
 *     left out), each with the severity it has in this run (rule set and overrides applied); a
 *     report lists them as the rules checked (JUnit test cases, SARIF rules, the HTML rule table)
 * @param workingDirectory the absolute directory relative inputs are read from (a result's relative
 *     {@code source} is relative to it)
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record RunInfo(
    String toolName,
    String toolVersion,
    String fhirVersion,
    RuleSet ruleSet,
    String engine,
    Instant now,
    Instant startedAt,
    List<RuleInfo> rules,
    String workingDirectory) {

  public RunInfo {
    Objects.requireNonNull(toolName);
    Objects.requireNonNull(toolVersion);
    Objects.requireNonNull(fhirVersion);
    Objects.requireNonNull(ruleSet);
    Objects.requireNonNull(engine);
    Objects.requireNonNull(now);
    Objects.requireNonNull(startedAt);
    rules = List.copyOf(rules);
    Objects.requireNonNull(workingDirectory);
  }

  /**
   * A run description without a rule list (tests, tools that check no catalog rules), reading
   * relative inputs from the current directory.
   */
  public RunInfo(
      String toolName,
      String toolVersion,
      String fhirVersion,
      RuleSet ruleSet,
      String engine,
      Instant now,
      Instant startedAt) {
    this(
        toolName,
        toolVersion,
        fhirVersion,
        ruleSet,
        engine,
        now,
        startedAt,
        List.of(),
        Path.of("").toAbsolutePath().toString());
  }

  /** The entry for {@code ruleId} in {@link #rules}, null when the run does not list it. */
  public @Nullable RuleInfo rule(String ruleId) {
    for (RuleInfo r : rules) {
      if (r.id().equals(ruleId)) {
        return r;
      }
    }
    return null;
  }

  /**
   * The FHIR version a report states for the whole run: the requested one when it was explicit;
   * under {@code auto}, the one release every resource used, {@code mixed} when they differ, and
   * {@code auto} when nothing was validated.
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
