package dev.taskcheck.testplugin;

import dev.taskcheck.fhir.TaskView;
import dev.taskcheck.model.Severity;
import dev.taskcheck.rules.MessageKey;
import dev.taskcheck.rules.Rule;
import dev.taskcheck.rules.RuleBasis;
import dev.taskcheck.rules.RuleCategory;
import dev.taskcheck.rules.RuleContext;
import dev.taskcheck.rules.TaskRule;

/**
 * Test plug-in rules with bad metadata, each found only through its own {@code plugins/} folder.
 */
public final class BadRules {

  private BadRules() {}

  /** Uses the catalog's own prefix. */
  @TaskRule(
      id = "status-99",
      category = RuleCategory.CUSTOM,
      severity = Severity.WARNING,
      basis = RuleBasis.BP,
      summary = "A rule in TaskCheck's status category")
  public static final class CatalogPrefix implements Rule {
    @MessageKey static final String X = "x";

    @Override
    public void check(TaskView task, RuleContext ctx) {}
  }

  /** Claims a built-in category. */
  @TaskRule(
      id = "tp-2",
      category = RuleCategory.STATUS,
      severity = Severity.WARNING,
      basis = RuleBasis.BP,
      summary = "A rule claiming the status category")
  public static final class NotCustom implements Rule {
    @MessageKey static final String X = "x";

    @Override
    public void check(TaskView task, RuleContext ctx) {}
  }

  /** Has a message key without a message. */
  @TaskRule(
      id = "tp-3",
      category = RuleCategory.CUSTOM,
      severity = Severity.WARNING,
      basis = RuleBasis.BP,
      summary = "A rule whose message is missing")
  public static final class NoMessage implements Rule {
    @MessageKey static final String GONE = "gone";

    @Override
    public void check(TaskView task, RuleContext ctx) {}
  }
}
