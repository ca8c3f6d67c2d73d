package dev.taskcheck.rules;

import java.util.Locale;

/** The sections of the rule catalog (RULES.md); a rule id is {@code <category>-<n>}. */
public enum RuleCategory {
  STATUS,
  FAILURE,
  DATE,
  PROGRESS,
  TRANSITION,
  COW;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
