package dev.taskcheck.fhirpath;

/** An expression's result read as a Boolean by singleton evaluation: true, false, or empty. */
public enum Truth {
  TRUE,
  FALSE,
  /** The expression gave an empty collection. */
  EMPTY;

  static Truth of(int truth) {
    return truth < 0 ? EMPTY : truth > 0 ? TRUE : FALSE;
  }
}
