package dev.taskcheck.rules;

import org.apiguardian.api.API;

/**
 * Where a rule comes from (RULES.md "kind"); the {@code core} rule set keeps {@link #SPEC} rules
 * only.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3.0")
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
