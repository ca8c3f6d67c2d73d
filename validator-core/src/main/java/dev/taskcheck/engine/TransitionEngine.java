package dev.taskcheck.engine;

import dev.taskcheck.fhir.StateMachine;
import dev.taskcheck.fhir.TaskHistory;
import dev.taskcheck.fhir.TaskVersion;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.IssueSource;
import dev.taskcheck.model.LifecycleMetrics.StuckTask;
import dev.taskcheck.model.RuleConfig;
import dev.taskcheck.model.Severity;
import dev.taskcheck.rules.TransitionContext;
import dev.taskcheck.rules.TransitionRule;
import dev.taskcheck.rules.catalog.RuleCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The per-Task-history stage: runs the transition rules over a {@link TaskHistory} and returns each
 * version's findings, placed in that version's document. Thread-safe: it holds only configuration.
 */
public final class TransitionEngine {

  private final Map<FhirRelease, List<RuleIssues.Enabled<TransitionRule>>> rules;
  private final RuleConfig config;
  private final Instant now;
  private final Function<FhirRelease, StateMachine> machines;
  private final @Nullable Duration stuckAfter;
  private final Consumer<Throwable> failures;

  /**
   * @param runs which rule ids run (rule set and overrides)
   * @param machines the state machine in force for each release
   * @param stuckAfter the transition-15 threshold, null for none
   */
  public TransitionEngine(
      RuleConfig config,
      Instant now,
      Predicate<String> runs,
      Function<FhirRelease, StateMachine> machines,
      @Nullable Duration stuckAfter,
      Consumer<Throwable> failures) {
    this(config, now, runs, machines, stuckAfter, failures, RuleCatalog::transitionRules);
  }

  /**
   * @param transitionRules a fresh instance of each transition rule that applies to a release: the
   *     built-in ones ({@link RuleCatalog#transitionRules}) and the plug-ins' of the run
   */
  public TransitionEngine(
      RuleConfig config,
      Instant now,
      Predicate<String> runs,
      Function<FhirRelease, StateMachine> machines,
      @Nullable Duration stuckAfter,
      Consumer<Throwable> failures,
      Function<FhirRelease, List<TransitionRule>> transitionRules) {
    this.config = Objects.requireNonNull(config);
    this.now = Objects.requireNonNull(now);
    this.machines = Objects.requireNonNull(machines);
    this.stuckAfter = stuckAfter;
    this.failures = Objects.requireNonNull(failures);
    this.rules = RuleIssues.enabled(transitionRules, runs);
  }

  public @Nullable Duration stuckAfter() {
    return stuckAfter;
  }

  public Instant now() {
    return now;
  }

  public StateMachine machine(FhirRelease release) {
    return machines.apply(release);
  }

  /** The findings of each version of the history (only versions with findings appear). */
  public Map<TaskVersion, List<Issue>> check(TaskHistory history) {
    IdentityHashMap<TaskVersion, List<Issue>> out = new IdentityHashMap<>();
    if (history.versions().isEmpty()) {
      return out;
    }
    FhirRelease release = history.latest().release();
    for (RuleIssues.Enabled<TransitionRule> enabled : rules.getOrDefault(release, List.of())) {
      if (history.kind() == TaskHistory.Kind.SINGLE && !enabled.id().equals("transition-15")) {
        continue;
      }
      Context ctx = new Context(enabled, out);
      try {
        enabled.rule().check(history, ctx);
      } catch (RuntimeException e) {
        failures.accept(e);
        TaskVersion at = history.latest();
        int[] pos =
            Objects.requireNonNull(
                at.positions().get("Task"), "every version has its Task's position");
        out.computeIfAbsent(at, k -> new ArrayList<>())
            .add(
                RuleIssues.failure(
                    enabled.id(),
                    "this Task's history",
                    at.taskPath(),
                    pos[0],
                    pos[1],
                    e,
                    IssueSource.TRANSITION));
      }
    }
    return out;
  }

  /**
   * The stuck entry of a history's latest version, or null when it is not stuck (or no threshold is
   * set).
   */
  public @Nullable StuckTask stuck(TaskHistory history) {
    if (history.kind() == TaskHistory.Kind.PAIR || history.versions().isEmpty()) {
      return null;
    }
    TaskVersion latest = history.latest();
    Duration idle = machine(latest.release()).stuckFor(latest, now, stuckAfter);
    if (idle == null) {
      return null;
    }
    return new StuckTask(
        latest.label(),
        latest.versionId(),
        latest.source(),
        latest.line(),
        Objects.requireNonNull(latest.status(), "a stuck Task has a status").code(),
        latest.lastModified() != null
            ? latest.lastModified()
            : Objects.requireNonNull(latest.lastUpdated()),
        idle);
  }

  private final class Context extends RuleIssues.RunContext implements TransitionContext {
    private final RuleIssues.Enabled<TransitionRule> enabled;
    private final Map<TaskVersion, List<Issue>> out;

    Context(RuleIssues.Enabled<TransitionRule> enabled, Map<TaskVersion, List<Issue>> out) {
      super(config, now);
      this.enabled = enabled;
      this.out = out;
    }

    @Override
    public void report(
        TaskVersion at, String expression, String messageKey, @Nullable Object... args) {
      report(enabled.severity(), at, expression, messageKey, args);
    }

    @Override
    public void report(
        Severity severity,
        TaskVersion at,
        String expression,
        String messageKey,
        @Nullable Object... args) {
      String inDocument = RuleIssues.inDocument(at.taskPath(), severity, expression);
      int[] pos = at.positions().get(expression);
      if (pos == null) {
        pos =
            Objects.requireNonNull(
                at.positions().get("Task"), "every version has its Task's position");
      }
      out.computeIfAbsent(at, k -> new ArrayList<>())
          .add(
              RuleIssues.finding(
                  enabled.rule().getClass(),
                  enabled.id(),
                  severity,
                  inDocument,
                  pos,
                  IssueSource.TRANSITION,
                  messageKey,
                  args));
    }

    @Override
    public StateMachine stateMachine(TaskVersion version) {
      return machines.apply(version.release());
    }

    @Override
    public @Nullable Duration stuckAfter() {
      return stuckAfter;
    }
  }
}
