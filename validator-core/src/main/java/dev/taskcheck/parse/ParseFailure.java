package dev.taskcheck.parse;

import java.util.Objects;

/**
 * Why a document gave no tree.
 *
 * @param message what is wrong, for a person, naming what was expected and what was found
 * @param line 1-based line of the problem in the source
 * @param column 1-based column of the problem in the source
 * @param issueType the FHIR issue-type code ({@code structure}, {@code invalid}, {@code security},
 *     {@code too-long}, {@code too-costly})
 * @param ruleId the finding's id: {@code structure-parse}, or a {@link DocumentLimits} id when a
 *     per-document budget was exceeded
 */
public record ParseFailure(String message, int line, int column, String issueType, String ruleId)
    implements ParseOutcome {

  /** The id of a document that does not parse. */
  public static final String PARSE = "structure-parse";

  public ParseFailure {
    Objects.requireNonNull(message);
    Objects.requireNonNull(issueType);
    Objects.requireNonNull(ruleId);
  }

  public ParseFailure(String message, int line, int column, String issueType) {
    this(message, line, column, issueType, PARSE);
  }
}
