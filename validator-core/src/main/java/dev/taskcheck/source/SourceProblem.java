package dev.taskcheck.source;

import dev.taskcheck.model.Severity;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An input that gave no document: it does not exist, cannot be read, or is too large to be one.
 *
 * @param line the line concerned, when there is one (an NDJSON line that is too long)
 * @param issueType the FHIR issue-type code ({@code "not-found"}, {@code "security"}, {@code
 *     "too-long"}, {@code "exception"})
 * @param severity fatal when the input gave nothing it should have; a warning for an input with
 *     nothing to read (a directory holding no FHIR files)
 */
public record SourceProblem(
    String source, @Nullable Integer line, String message, String issueType, Severity severity)
    implements SourceItem {

  public SourceProblem {
    Objects.requireNonNull(source);
    Objects.requireNonNull(message);
    Objects.requireNonNull(issueType);
    Objects.requireNonNull(severity);
  }

  /** A problem that stops this input: it gave no document (fatal). */
  public SourceProblem(String source, @Nullable Integer line, String message, String issueType) {
    this(source, line, message, issueType, Severity.FATAL);
  }

  @Override
  public @Nullable Integer documentLine() {
    return null;
  }
}
