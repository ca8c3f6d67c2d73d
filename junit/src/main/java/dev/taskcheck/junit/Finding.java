package dev.taskcheck.junit;

import dev.taskcheck.model.Issue;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.Severity;
import java.util.List;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;

/**
 * One finding with the result it belongs to, written as failure messages list it: {@code
 * file:line:column rule-id severity expression message}.
 *
 * @param result the resource's result (its source, location and line)
 * @param issue the finding
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record Finding(Result result, Issue issue) {

  @Override
  public String toString() {
    return format(result.source(), issue);
  }

  /** {@code source:line:column rule-id severity expression message}. */
  static String format(String source, Issue i) {
    return source
        + ":"
        + (i.line() != null ? i.line() : "?")
        + ":"
        + (i.column() != null ? i.column() : "?")
        + " "
        + i.ruleId()
        + " "
        + i.severity().code()
        + " "
        + (i.expression() != null ? i.expression() : "-")
        + " "
        + i.message();
  }

  /** The findings of these results, in their order. */
  static List<Finding> of(List<Result> results) {
    return results.stream().flatMap(r -> r.issues().stream().map(i -> new Finding(r, i))).toList();
  }

  /** Those at {@code threshold} or worse. */
  static List<Finding> atLeast(List<Finding> findings, Severity threshold) {
    return findings.stream().filter(f -> f.issue().severity().isAtLeast(threshold)).toList();
  }

  /** A failure: the headline, then the findings one per line. */
  static AssertionFailedError failure(String headline, List<?> findings) {
    return new AssertionFailedError(headline + ":\n" + list(findings));
  }

  /** One finding per line, indented, for a failure message; "(none)" when there is none. */
  static String list(List<?> findings) {
    if (findings.isEmpty()) {
      return "  (none)";
    }
    StringBuilder b = new StringBuilder();
    for (Object f : findings) {
      if (b.length() > 0) {
        b.append('\n');
      }
      b.append("  ").append(f);
    }
    return b.toString();
  }
}
