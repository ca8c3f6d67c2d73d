package dev.taskcheck.model;

import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One finding about one resource (or one document that could not be read as a resource).
 *
 * @param ruleId stable TaskCheck id: a structure id such as {@code structure-type}, a base
 *     invariant key such as {@code inv-1}, or a catalog rule id such as {@code status-1}
 * @param severity how serious the finding is
 * @param type a FHIR issue-type code ({@code code-invalid}, {@code structure}, {@code invariant},
 *     ...)
 * @param expression FHIRPath expression of the element concerned, with indexes, from the document
 *     root ({@code Task.status}, {@code Bundle.entry[2].resource.status}); null when the finding
 *     concerns a document that has no FHIR structure (it did not parse)
 * @param line 1-based line in the source file, null when unknown
 * @param column 1-based column in the source file, null when unknown
 * @param message a human-readable message; never asserted by tests
 * @param source the pipeline stage that produced the finding
 * @param messageId the underlying engine's message id, kept for {@code structure-other} and for
 *     tracing; null when TaskCheck produced the finding itself
 * @param profile the canonical URL (with its version, when the engine names it) of the profile
 *     whose constraint the finding reports: an IG's or TaskCheck's; null for the base specification
 *     and for findings that are not about a profile
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record Issue(
    String ruleId,
    Severity severity,
    String type,
    @Nullable String expression,
    @Nullable Integer line,
    @Nullable Integer column,
    String message,
    IssueSource source,
    @Nullable String messageId,
    @Nullable String profile) {

  /** A finding about no profile in particular. */
  public Issue(
      String ruleId,
      Severity severity,
      String type,
      @Nullable String expression,
      @Nullable Integer line,
      @Nullable Integer column,
      String message,
      IssueSource source,
      @Nullable String messageId) {
    this(ruleId, severity, type, expression, line, column, message, source, messageId, null);
  }

  public Issue {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(source, "source");
  }

  /** A copy at another location (used when a resource's issues are placed inside their file). */
  public Issue withLocation(
      @Nullable String newExpression, @Nullable Integer newLine, @Nullable Integer newColumn) {
    return new Issue(
        ruleId,
        severity,
        type,
        newExpression,
        newLine,
        newColumn,
        message,
        source,
        messageId,
        profile);
  }

  /** A copy with another severity (used by rule-set re-grading and overrides). */
  public Issue withSeverity(Severity newSeverity) {
    return new Issue(
        ruleId, newSeverity, type, expression, line, column, message, source, messageId, profile);
  }

  /** A copy with another message (used when a suppression has expired, to say so). */
  public Issue withMessage(String newMessage) {
    return new Issue(
        ruleId, severity, type, expression, line, column, newMessage, source, messageId, profile);
  }

  /** A copy naming the profile the finding is about. */
  public Issue withProfile(@Nullable String profileUrl) {
    return new Issue(
        ruleId, severity, type, expression, line, column, message, source, messageId, profileUrl);
  }
}
