package dev.taskcheck.engine.fast;

/**
 * Thrown by the walk when a document holds something the fast engine does not check the way the
 * reference engine does (an XML document, a profile with slicing, an invariant it cannot evaluate,
 * ...): the document then goes to the reference engine. A reason, not an error: the message says
 * what was met, for diagnostics and statistics.
 */
final class NotCovered extends RuntimeException {

  private static final long serialVersionUID = 1L;

  NotCovered(String reason) {
    super(reason, null, false, false);
  }
}
