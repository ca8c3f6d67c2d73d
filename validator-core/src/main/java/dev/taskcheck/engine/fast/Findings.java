package dev.taskcheck.engine.fast;

import dev.taskcheck.model.Issue;
import dev.taskcheck.model.IssueSource;
import dev.taskcheck.model.Severity;
import dev.taskcheck.parse.Node;
import dev.taskcheck.parse.NodePath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The findings of one document, located as the reference engine locates them: the expression names
 * the element, the line and column are where that expression leads in TaskCheck's own tree ({@link
 * NodePath#position}). A finding repeated with the same rule, severity, expression, source and
 * message id is kept once, as the reference engine keeps one of two identical messages.
 */
final class Findings {

  private final Node root;
  private final List<Issue> issues = new ArrayList<>();
  private final Set<List<Object>> seen = new HashSet<>();

  Findings(Node root) {
    this.root = root;
  }

  void add(Check check, Loc at, Object... args) {
    add(check, check.level(), expression(check, at), IssueSource.STRUCTURE, args);
  }

  void add(Check check, Severity level, Loc at, Object... args) {
    add(check, level, expression(check, at), IssueSource.STRUCTURE, args);
  }

  private static String expression(Check check, Loc at) {
    return check.fromParser() ? at.parserPath() : at.toString();
  }

  void add(Check check, String expression, Object... args) {
    add(check, check.level(), expression, IssueSource.STRUCTURE, args);
  }

  void add(Check check, Severity level, String expression, IssueSource source, Object... args) {
    issue(
        check.ruleId(),
        level,
        check.issueType(),
        expression,
        check.message(args),
        source,
        check.messageId());
  }

  /**
   * A failed invariant: its key is the rule id.
   *
   * @param messageId {@code <source url>#<key>}, as the reference engine names it
   */
  void invariant(
      String key,
      Severity level,
      String expression,
      String human,
      IssueSource source,
      String messageId) {
    // a profile's invariant names the profile holding it, as the reference engine does
    String profile =
        source == IssueSource.PROFILE && messageId.contains("#")
            ? messageId.substring(0, messageId.lastIndexOf('#'))
            : null;
    add(
        key,
        level,
        "invariant",
        expression,
        "Constraint failed: " + key + ": " + human,
        source,
        messageId,
        profile);
  }

  /**
   * A finding of a check outside {@link Check} (terminology, references, extensions, narrative).
   */
  void issue(
      String ruleId,
      Severity level,
      String type,
      String expression,
      String message,
      IssueSource source,
      @Nullable String messageId) {
    add(ruleId, level, type, expression, message, source, messageId, null);
  }

  private void add(
      String ruleId,
      Severity level,
      String type,
      String expression,
      String message,
      IssueSource source,
      @Nullable String messageId,
      @Nullable String profile) {
    // as the reference engine keeps one of two messages with the same text at the same place
    if (!seen.add(
        List.of(ruleId, level, expression, source, Objects.toString(messageId), message))) {
      return;
    }
    int[] at = NodePath.position(root, expression);
    issues.add(
        new Issue(
            ruleId, level, type, expression, at[0], at[1], message, source, messageId, profile));
  }

  List<Issue> issues() {
    return issues;
  }
}
