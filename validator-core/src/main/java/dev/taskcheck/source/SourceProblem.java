package dev.taskcheck.source;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An input that gave no document: it does not exist, cannot be read, or is too large to be one.
 *
 * @param line the line concerned, when there is one (an NDJSON line that is too long)
 * @param issueType the FHIR issue-type code ({@code not-found}, {@code security}, {@code too-long},
 *     {@code exception})
 */
public record SourceProblem(String source, @Nullable Integer line, String message, String issueType)
    implements SourceItem {

  public SourceProblem {
    Objects.requireNonNull(source);
    Objects.requireNonNull(message);
    Objects.requireNonNull(issueType);
  }
}
