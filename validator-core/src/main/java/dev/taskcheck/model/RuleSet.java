package dev.taskcheck.model;

import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Which rules run and at which severity; see RULES.md. The IG sets are {@code recommended} plus the
 * rules of their implementation guide ({@code cow-1}, ...), with some severities re-graded and
 * their own state machine tables.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum RuleSet {
  /** Only what the FHIR specification mandates. */
  CORE("base", Map.of()),
  /** The default: core plus best-practice warnings. */
  RECOMMENDED("base", Map.of()),
  /** Recommended, with rule warnings raised to errors. */
  STRICT("base", Map.of()),
  /**
   * HL7 Clinical Order Workflows: CoordinationTask and CancellationRequestTask rules; transition-4
   * is an error.
   */
  COW("cow", Map.of("transition-4", Severity.ERROR)),
  /** Da Vinci HRex/CDex: its status subset; failure-2, failure-4 and status-9 are errors. */
  HREX(
      "hrex",
      Map.of("failure-2", Severity.ERROR, "failure-4", Severity.ERROR, "status-9", Severity.ERROR)),
  /** AU eRequesting: its status subset and transition table; transition-4 is an error. */
  AU_EREQUESTING("au-erequesting", Map.of("transition-4", Severity.ERROR));

  private final String stateMachine;

  @SuppressWarnings("ImmutableEnumChecker") // always a Map.of: immutable
  private final Map<String, Severity> regrades;

  RuleSet(String stateMachine, Map<String, Severity> regrades) {
    this.stateMachine = stateMachine;
    this.regrades = regrades;
  }

  /** The name as written on the command line ({@code recommended}, {@code au-erequesting}). */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * True for the sets of an implementation guide ({@code cow}, {@code hrex}, {@code
   * au-erequesting}).
   */
  public boolean isImplementationGuide() {
    return this == COW || this == HREX || this == AU_EREQUESTING;
  }

  /** The prefix of this set's built-in state machine tables ({@code base}, {@code cow}, ...). */
  public String stateMachine() {
    return stateMachine;
  }

  /** The severities this set gives some rules instead of their catalog default. */
  public Map<String, Severity> regrades() {
    return regrades;
  }

  public static RuleSet fromCode(String code) {
    for (RuleSet r : values()) {
      if (r.code().equalsIgnoreCase(code.trim())) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "unknown rule set '"
            + code
            + "' (expected core, recommended, strict, cow, hrex or au-erequesting)");
  }
}
