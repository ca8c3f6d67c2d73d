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

  /**
   * The keys of the findings so far, once there are more than {@link #SCAN}; below that the list of
   * findings itself is scanned (most documents have a few, and hashing their messages cost more).
   */
  private @Nullable Set<List<Object>> seen;

  private static final int SCAN = 16;

  /**
   * Every finding made, in order, those dropped as repeats of one kept included: what the walk of a
   * value found, for {@link WalkedValues} to make again where the same value comes back.
   */
  private final List<Made> made = new ArrayList<>();

  /** A finding as it was made. */
  record Made(
      String ruleId,
      Severity level,
      String type,
      String expression,
      String message,
      IssueSource source,
      @Nullable String messageId,
      @Nullable String profile) {

    /** The same finding at another expression. */
    Made at(String otherExpression) {
      return new Made(ruleId, level, type, otherExpression, message, source, messageId, profile);
    }
  }

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
        new Made(
            key,
            level,
            "invariant",
            expression,
            "Constraint failed: " + key + ": " + human,
            source,
            messageId,
            profile));
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
    add(new Made(ruleId, level, type, expression, message, source, messageId, null));
  }

  private void add(Made m) {
    made.add(m);
    String expression = m.expression();
    // as the reference engine keeps one of two messages with the same text at the same place
    if (seen == null && issues.size() >= SCAN) {
      Set<List<Object>> keys = new HashSet<>();
      for (Issue i : issues) {
        keys.add(
            key(i.ruleId(), i.severity(), i.expression(), i.source(), i.messageId(), i.message()));
      }
      seen = keys;
    }
    if (seen != null) {
      if (!seen.add(
          key(m.ruleId(), m.level(), expression, m.source(), m.messageId(), m.message()))) {
        return;
      }
    } else {
      for (int i = 0; i < issues.size(); i++) {
        Issue known = issues.get(i);
        if (known.ruleId().equals(m.ruleId())
            && known.severity() == m.level()
            && expression.equals(known.expression())
            && known.source() == m.source()
            && Objects.equals(known.messageId(), m.messageId())
            && known.message().equals(m.message())) {
          return;
        }
      }
    }
    int[] at = NodePath.position(root, expression);
    issues.add(
        new Issue(
            m.ruleId(),
            m.level(),
            m.type(),
            expression,
            at[0],
            at[1],
            m.message(),
            m.source(),
            m.messageId(),
            m.profile()));
  }

  private static List<Object> key(
      String ruleId,
      Severity level,
      @Nullable String expression,
      IssueSource source,
      @Nullable String messageId,
      String message) {
    return List.of(
        ruleId, level, Objects.toString(expression), source, Objects.toString(messageId), message);
  }

  List<Issue> issues() {
    return issues;
  }

  /** How many findings were made so far, those dropped as repeats of one kept included. */
  int made() {
    return made.size();
  }

  /** The findings made since {@link #made()} returned {@code from}. */
  List<Made> madeSince(int from) {
    return made.subList(from, made.size());
  }

  /** Makes a finding again (at another expression: {@link Made#at}). */
  void again(Made m) {
    add(m);
  }
}
