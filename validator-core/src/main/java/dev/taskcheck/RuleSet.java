package dev.taskcheck;

import java.util.Locale;

/** Which rules run and at which severity; see RULES.md. */
public enum RuleSet {
  /** Only what the FHIR specification mandates. */
  CORE,
  /** The default: core plus best-practice warnings. */
  RECOMMENDED,
  /** Recommended, with rule warnings raised to errors. */
  STRICT;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RuleSet fromCode(String code) {
    for (RuleSet r : values()) {
      if (r.code().equalsIgnoreCase(code.trim())) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "unknown rule set '" + code + "' (expected core, recommended or strict)");
  }
}
