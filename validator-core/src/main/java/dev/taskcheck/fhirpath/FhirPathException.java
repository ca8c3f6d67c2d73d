package dev.taskcheck.fhirpath;

/**
 * An expression that cannot be compiled, or an evaluation that signals an error to its caller
 * (FHIRPath's "the evaluation will end and signal an error to the calling environment").
 *
 * <p>{@link Kind#SYNTAX} and {@link Kind#SEMANTIC} come from compiling and carry the position of
 * the offending token ({@link #offset()}, 0-based; {@link #line()} and {@link #column()}, 1-based);
 * {@link Kind#UNSUPPORTED} says the expression uses a function this evaluator does not implement (a
 * caller may hand the expression to another engine); {@link Kind#EXECUTION} comes from evaluating.
 */
public final class FhirPathException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind {
    /** The text is not a FHIRPath expression. */
    SYNTAX,
    /** The expression is well-formed but meaningless (unknown type, wrong number of arguments). */
    SEMANTIC,
    /** A function this evaluator does not implement. */
    UNSUPPORTED,
    /** An error signalled while evaluating (several items where one is expected, a wrong type). */
    EXECUTION
  }

  private final Kind kind;
  private final int offset;
  private final int line;
  private final int column;

  private FhirPathException(Kind kind, String message, int offset, int line, int column) {
    super(message, null, false, false);
    this.kind = kind;
    this.offset = offset;
    this.line = line;
    this.column = column;
  }

  /**
   * An error found while compiling {@code text}, at {@code offset} (its line and column are worked
   * out).
   */
  static FhirPathException at(Kind kind, String text, int offset, String message) {
    int line = 1;
    int lineStart = 0;
    int end = Math.min(offset, text.length());
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int column = end - lineStart + 1;
    return new FhirPathException(
        kind, message + " at line " + line + ", column " + column, offset, line, column);
  }

  /** An error signalled while evaluating. */
  static FhirPathException execution(String message) {
    return new FhirPathException(Kind.EXECUTION, message, -1, 0, 0);
  }

  public Kind kind() {
    return kind;
  }

  /** The 0-based offset in the expression text, or -1 for an evaluation error. */
  public int offset() {
    return offset;
  }

  /** The 1-based line in the expression text, or 0 for an evaluation error. */
  public int line() {
    return line;
  }

  /** The 1-based column in the expression text, or 0 for an evaluation error. */
  public int column() {
    return column;
  }
}
