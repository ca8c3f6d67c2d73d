package dev.taskcheck.rules;

import java.util.Locale;

/** The sections of the rule catalog (RULES.md); a rule id is {@code <category>-<n>}. */
public enum RuleCategory {
  STATUS,
  FAILURE,
  DATE,
  PROGRESS,
  TRANSITION,
  /** HL7 Clinical Order Workflows (rule set {@code cow}). */
  COW,
  /** Da Vinci HRex/CDex (rule set {@code hrex}). */
  HREX,
  /** AU eRequesting (rule set {@code au-erequesting}). */
  AU;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
