package dev.taskcheck.rules;

import java.util.Locale;
import org.apiguardian.api.API;

/** The sections of the rule catalog (RULES.md); a rule id is {@code <category>-<n>}. */
@API(status = API.Status.EXPERIMENTAL, since = "0.3.0")
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
  AU,
  /**
   * A plug-in's rule ({@code @TaskRule(category = CUSTOM)}): its catalog category is its id's
   * prefix ({@code acme} for {@code acme-1}). No built-in rule uses it.
   */
  CUSTOM;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
