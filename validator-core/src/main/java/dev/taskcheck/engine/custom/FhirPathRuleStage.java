package dev.taskcheck.engine.custom;

import dev.taskcheck.engine.DocumentUnit;
import dev.taskcheck.engine.IssueSink;
import dev.taskcheck.engine.Stage;
import dev.taskcheck.engine.fast.FhirPathTrees;
import dev.taskcheck.fhirpath.Environment;
import dev.taskcheck.fhirpath.EvaluationContext;
import dev.taskcheck.fhirpath.Expression;
import dev.taskcheck.fhirpath.FhirNode;
import dev.taskcheck.fhirpath.FhirPath;
import dev.taskcheck.fhirpath.FhirPathException;
import dev.taskcheck.fhirpath.Truth;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.IssueSource;
import dev.taskcheck.parse.Node;
import dev.taskcheck.parse.NodePath;
import dev.taskcheck.plan.Plans;
import dev.taskcheck.source.LocatedResource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The rules of FHIRPath rule files over each Task, with TaskCheck's own FHIRPath evaluator on the
 * typed parse tree (the one the fast engine's invariants use): a rule applies where its {@code
 * where} is true, and reports each focus (the Task, or each element its {@code context} selects)
 * where its expression is not true. An expression that signals an error while evaluating is a
 * finding of its rule that says so. Immutable and thread-safe.
 */
public final class FhirPathRuleStage implements Stage {

  /** A rule compiled for one release. */
  private record Compiled(
      FhirPathRule rule,
      Expression test,
      @Nullable Expression where,
      @Nullable Expression context) {}

  private final Map<FhirRelease, List<Compiled>> byRelease;
  private final Environment environment = Environment.defaults();

  /**
   * @param runs which rule ids run (rule set and overrides); the others are not evaluated
   */
  FhirPathRuleStage(List<FhirPathRule> rules, Predicate<String> runs) {
    Map<FhirRelease, List<Compiled>> out = new EnumMap<>(FhirRelease.class);
    for (FhirRelease release : FhirRelease.values()) {
      if (!Plans.exists(release)) {
        // RuleFiles refuses these releases: no rule can name one
        out.put(release, List.of());
        continue;
      }
      List<Compiled> compiled = new ArrayList<>();
      FhirPath fhirPath = null;
      for (FhirPathRule r : rules) {
        if (!r.versions().contains(release) || !runs.test(r.id())) {
          continue;
        }
        if (fhirPath == null) {
          fhirPath = FhirPath.builder(FhirPathTrees.of(release).model()).build();
        }
        compiled.add(
            new Compiled(
                r,
                compile(fhirPath, r, r.expression(), "expression", r.expressionLine(), release),
                r.where() == null
                    ? null
                    : compile(fhirPath, r, r.where(), "where", r.whereLine(), release),
                r.context() == null
                    ? null
                    : compile(fhirPath, r, r.context(), "context", r.contextLine(), release)));
      }
      out.put(release, List.copyOf(compiled));
    }
    this.byRelease = out;
  }

  /** True when no rule runs. */
  boolean isEmpty() {
    return byRelease.values().stream().allMatch(List::isEmpty);
  }

  private static Expression compile(
      FhirPath fhirPath, FhirPathRule r, String text, String field, int line, FhirRelease release) {
    try {
      return fhirPath.compile(text);
    } catch (FhirPathException e) {
      throw RuleFiles.error(
          r.file(),
          line,
          "the "
              + field
              + " of "
              + r.id()
              + " does not compile for FHIR "
              + release.code()
              + ": "
              + e.getMessage()
              + (e.kind() == FhirPathException.Kind.SEMANTIC
                  ? " (if the rule is for other releases only, list them under 'versions')"
                  : ""));
    }
  }

  @Override
  public String name() {
    return "rule-files";
  }

  @Override
  public void check(DocumentUnit unit, IssueSink sink) {
    FhirRelease release = unit.release().release();
    List<Compiled> rules = byRelease.getOrDefault(release, List.of());
    if (rules.isEmpty() || unit.tasks().isEmpty()) {
      return;
    }
    FhirPathTrees trees = FhirPathTrees.of(release);
    Node rootNode = unit.document().root();
    FhirNode root = trees.resource(rootNode);
    for (LocatedResource task : unit.tasks()) {
      FhirNode taskNode = task.node() == rootNode ? root : trees.resource(task.node());
      EvaluationContext ctx = EvaluationContext.of(taskNode, root, environment);
      for (Compiled c : rules) {
        check(c, task, taskNode, rootNode, ctx, sink);
      }
    }
  }

  private void check(
      Compiled c,
      LocatedResource task,
      FhirNode taskNode,
      Node rootNode,
      EvaluationContext ctx,
      IssueSink sink) {
    FhirPathRule r = c.rule();
    try {
      if (c.where() != null && c.where().test(taskNode, ctx) != Truth.TRUE) {
        return;
      }
    } catch (FhirPathException | ArithmeticException e) {
      sink.add(
          issue(r, task.path(), rootNode, "its 'where' could not be evaluated: " + e.getMessage()));
      return;
    }
    List<Object> foci;
    try {
      foci = c.context() == null ? List.of(taskNode) : c.context().evaluate(taskNode, ctx);
    } catch (FhirPathException | ArithmeticException e) {
      sink.add(
          issue(
              r, task.path(), rootNode, "its 'context' could not be evaluated: " + e.getMessage()));
      return;
    }
    for (Object focus : foci) {
      if (!(focus instanceof FhirNode node)) {
        continue;
      }
      Node at = focus == taskNode ? task.node() : FhirPathTrees.source(focus);
      String path =
          at == null || at == task.node()
              ? task.path()
              : NodePath.pathAt(rootNode, at.line(), at.column());
      try {
        if (c.test().test(node, ctx) != Truth.TRUE) {
          sink.add(issue(r, path, rootNode, null));
        }
      } catch (FhirPathException | ArithmeticException e) {
        sink.add(
            issue(r, path, rootNode, "its expression could not be evaluated: " + e.getMessage()));
      }
    }
  }

  private static Issue issue(FhirPathRule r, String path, Node rootNode, @Nullable String problem) {
    String message = problem == null ? r.message() : r.message() + " (" + problem + ")";
    int[] at = NodePath.position(rootNode, path);
    return new Issue(
        r.id(),
        r.severity(),
        "business-rule",
        path,
        at[0],
        at[1],
        message,
        IssueSource.RULE,
        r.id());
  }
}
