package dev.taskcheck.parse;

import java.util.Objects;

/**
 * Why a document gave no tree.
 *
 * @param message what is wrong, for a person, naming what was expected and what was found
 * @param line 1-based line of the problem in the source
 * @param column 1-based column of the problem in the source
 * @param issueType the FHIR issue-type code ({@code structure}, {@code invalid}, {@code security},
 *     {@code too-long})
 */
public record ParseFailure(String message, int line, int column, String issueType)
    implements ParseOutcome {

  public ParseFailure {
    Objects.requireNonNull(message);
    Objects.requireNonNull(issueType);
  }
}
