package dev.taskcheck.engine;

import dev.taskcheck.fhir.StateMachine;
import dev.taskcheck.fhir.TaskView;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.IssueSource;
import dev.taskcheck.model.RuleConfig;
import dev.taskcheck.model.Severity;
import dev.taskcheck.parse.Node;
import dev.taskcheck.parse.NodePath;
import dev.taskcheck.rules.Rule;
import dev.taskcheck.rules.RuleContext;
import dev.taskcheck.rules.catalog.RuleCatalog;
import dev.taskcheck.source.LocatedResource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Stage 3: the Java rules of the catalog over each Task, through its {@link TaskView}. A rule that
 * fails gives an {@code internal-error} finding on its Task; the other rules still run.
 */
public final class RuleStage implements Stage {

  private final Map<FhirRelease, List<RuleIssues.Enabled<Rule>>> rules;
  private final RuleConfig config;
  private final Instant now;
  private final Consumer<Throwable> failures;
  private final Function<FhirRelease, StateMachine> machines;

  /**
   * @param runs which rule ids run (rule set and overrides); the others are not even evaluated
   * @param now the run's clock reading
   */
  public RuleStage(
      RuleConfig config,
      Instant now,
      Predicate<String> runs,
      Consumer<Throwable> failures,
      Function<FhirRelease, StateMachine> machines) {
    this(config, now, runs, failures, machines, RuleCatalog::javaRules);
  }

  /**
   * @param javaRules a fresh instance of each rule that applies to a release: the built-in ones
   *     ({@link RuleCatalog#javaRules}) and the plug-ins' of the run
   */
  public RuleStage(
      RuleConfig config,
      Instant now,
      Predicate<String> runs,
      Consumer<Throwable> failures,
      Function<FhirRelease, StateMachine> machines,
      Function<FhirRelease, List<Rule>> javaRules) {
    this.machines = Objects.requireNonNull(machines);
    this.config = Objects.requireNonNull(config);
    this.now = Objects.requireNonNull(now);
    this.failures = Objects.requireNonNull(failures);
    this.rules = RuleIssues.enabled(javaRules, runs);
  }

  @Override
  public String name() {
    return "rules";
  }

  @Override
  public void check(DocumentUnit unit, IssueSink sink) {
    FhirRelease release = unit.release().release();
    Node root = unit.document().root();
    for (LocatedResource task : unit.tasks()) {
      TaskView view = TaskView.of(new NodeElement(task.node()), release);
      List<RuleIssues.Enabled<Rule>> enabledRules = rules.getOrDefault(release, List.of());
      if (enabledRules.isEmpty()) {
        continue;
      }
      // one context per Task, pointed at each rule in turn (a rule reports only while it runs)
      Context ctx = new Context(enabledRules.get(0), task.path(), root, sink, release);
      for (RuleIssues.Enabled<Rule> enabled : enabledRules) {
        ctx.enabled = enabled;
        try {
          enabled.rule().check(view, ctx);
        } catch (RuntimeException e) {
          failures.accept(e);
          sink.add(
              RuleIssues.failure(
                  enabled.id(),
                  "this Task",
                  task.path(),
                  task.node().line(),
                  task.node().column(),
                  e,
                  IssueSource.RULE));
        }
      }
    }
  }

  /** A rule's view of the run: its findings go to the sink, placed in the document. */
  private final class Context extends RuleIssues.RunContext implements RuleContext {
    /** The rule running. */
    private RuleIssues.Enabled<Rule> enabled;

    private final String taskPath;
    private final Node root;
    private final IssueSink sink;
    private final FhirRelease release;

    Context(
        RuleIssues.Enabled<Rule> enabled,
        String taskPath,
        Node root,
        IssueSink sink,
        FhirRelease release) {
      super(config, now);
      this.release = release;
      this.enabled = enabled;
      this.taskPath = taskPath;
      this.root = root;
      this.sink = sink;
    }

    @Override
    public void report(String expression, String messageKey, @Nullable Object... args) {
      report(enabled.severity(), expression, messageKey, args);
    }

    @Override
    public void report(
        Severity severity, String expression, String messageKey, @Nullable Object... args) {
      String inDocument = RuleIssues.inDocument(taskPath, severity, expression);
      sink.add(
          RuleIssues.finding(
              enabled.rule().getClass(),
              enabled.id(),
              severity,
              inDocument,
              NodePath.position(root, inDocument),
              IssueSource.RULE,
              messageKey,
              args));
    }

    @Override
    public StateMachine stateMachine() {
      return machines.apply(release);
    }
  }
}
