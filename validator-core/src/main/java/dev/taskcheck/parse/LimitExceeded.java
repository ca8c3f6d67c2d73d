package dev.taskcheck.parse;

/** Gives up on a document inside a parser: a {@link DocumentLimits} budget crossed, or a fatal. */
final class LimitExceeded extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final String ruleId;
  final int line;
  final int column;
  final String issueType;

  LimitExceeded(String ruleId, String message, int line, int column) {
    this(ruleId, message, line, column, "too-costly");
  }

  LimitExceeded(String ruleId, String message, int line, int column, String issueType) {
    super(message, null, false, false);
    this.ruleId = ruleId;
    this.line = line;
    this.column = column;
    this.issueType = issueType;
  }

  ParseFailure failure() {
    return new ParseFailure(String.valueOf(getMessage()), line, column, issueType, ruleId);
  }
}
