package dev.taskcheck.engine;

import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.IssueSource;
import dev.taskcheck.model.RuleConfig;
import dev.taskcheck.model.Severity;
import dev.taskcheck.rules.RuleMessages;
import dev.taskcheck.rules.TaskRule;
import dev.taskcheck.rules.catalog.RuleCatalog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * How a rule's report becomes an issue, the same for single-Task and transition rules, and what
 * their stages share: the rules that run, and the run's configuration and clock in each rule's
 * context.
 */
final class RuleIssues {

  private RuleIssues() {}

  /**
   * A rule that runs, with the id and severity of its annotation, read once rather than per finding
   * (an annotation answers through a proxy and a map lookup on every call).
   */
  record Enabled<R>(R rule, String id, Severity severity) {}

  /**
   * The rules of each release that run.
   *
   * @param rules a fresh instance of each rule that applies to a release ({@link
   *     RuleCatalog#javaRules})
   * @param runs which rule ids run (rule set and overrides); the others are not even evaluated
   */
  static <R> Map<FhirRelease, List<Enabled<R>>> enabled(
      Function<FhirRelease, List<R>> rules, Predicate<String> runs) {
    Map<FhirRelease, List<Enabled<R>>> out = new EnumMap<>(FhirRelease.class);
    for (FhirRelease release : FhirRelease.values()) {
      List<Enabled<R>> enabled = new ArrayList<>();
      for (R r : rules.apply(release)) {
        TaskRule meta = RuleCatalog.meta(r.getClass());
        if (runs.test(meta.id())) {
          enabled.add(new Enabled<>(r, meta.id(), meta.severity()));
        }
      }
      out.put(release, List.copyOf(enabled));
    }
    return out;
  }

  /** What every rule context answers alike: the run's rule configuration and clock. */
  abstract static class RunContext {
    private final RuleConfig config;
    private final Instant now;

    RunContext(RuleConfig config, Instant now) {
      this.config = Objects.requireNonNull(config);
      this.now = Objects.requireNonNull(now);
    }

    public final RuleConfig config() {
      return config;
    }

    public final Instant now() {
      return now;
    }
  }

  /**
   * The expression of a rule's finding placed in its document ({@code Task.status} in the Task at
   * {@code Bundle.entry[2].resource} is {@code Bundle.entry[2].resource.status}).
   *
   * @throws IllegalArgumentException for a fatal severity or an expression that does not start at
   *     the Task
   */
  static String inDocument(String taskPath, Severity severity, String expression) {
    if (severity == Severity.FATAL) {
      throw new IllegalArgumentException("a rule never reports fatal findings");
    }
    if (!expression.equals("Task") && !expression.startsWith("Task.")) {
      throw new IllegalArgumentException("rule expressions start at the Task: " + expression);
    }
    return taskPath + expression.substring("Task".length());
  }

  /**
   * A rule's finding at {@code position} (line, column), with its message from its class's bundle
   * ({@link RuleMessages#format(Class, String, String, Object...)}).
   */
  static Issue finding(
      Class<?> ruleClass,
      String ruleId,
      Severity severity,
      String inDocument,
      int[] position,
      IssueSource source,
      String messageKey,
      @Nullable Object... args) {
    return new Issue(
        ruleId,
        severity,
        "business-rule",
        inDocument,
        position[0],
        position[1],
        RuleMessages.format(ruleClass, ruleId, messageKey, args),
        source,
        ruleId + "." + messageKey);
  }

  /** The {@code internal-error} issue of a rule that threw; the other rules still run. */
  static Issue failure(
      String ruleId,
      String what,
      String taskPath,
      int line,
      int column,
      RuntimeException e,
      IssueSource source) {
    return new Issue(
        StructureIds.INTERNAL,
        Severity.FATAL,
        "exception",
        taskPath,
        line,
        column,
        "rule "
            + ruleId
            + " failed on "
            + what
            + " ("
            + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage())
            + "); the other rules ran. Run with --debug for details, and please report it.",
        source,
        ruleId);
  }
}
