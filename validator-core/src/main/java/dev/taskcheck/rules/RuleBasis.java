package dev.taskcheck.rules;

/**
 * Where a rule comes from (RULES.md "kind"); the {@code core} rule set keeps {@link #SPEC} rules
 * only.
 */
public enum RuleBasis {
  /** A constraint in the core specification. */
  SPEC,
  /** Normative intent in the specification's narrative or element definitions. */
  TEXT,
  /** A named implementation guide. */
  IG,
  /** A best-practice rule of TaskCheck's. */
  BP
}
