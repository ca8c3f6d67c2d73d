package dev.taskcheck.fhirpath;

import org.jspecify.annotations.Nullable;

/**
 * A compiled (sub-)expression: immutable, evaluated in a {@link Frame}. Besides the general {@link
 * #eval}, nodes may answer the questions their parents ask more cheaply: as a Boolean ({@link
 * #truth}), how many items ({@link #count}), whether any ({@link #exists}) and the single value
 * ({@link #single}), without building collections.
 */
abstract class Expr {

  /** The resulting collection. */
  abstract Coll eval(Frame f);

  /** The result as a Boolean by singleton evaluation: 1 true, 0 false, -1 empty. */
  int truth(Frame f) {
    return Values.truth(eval(f), f.run.model);
  }

  /** The number of items of the result. */
  int count(Frame f) {
    return eval(f).size();
  }

  /**
   * Whether the result has any item with content ({@link FhirNode#hasContent()}): what {@code
   * exists()} and {@code empty()} ask.
   */
  boolean exists(Frame f) {
    return Values.anyContent(eval(f));
  }

  /**
   * The single item of the result as a system value where it is a FHIR primitive; null when empty.
   */
  @Nullable Object single(Frame f, String what) {
    return Values.single(eval(f), f.run.model, what);
  }

  /**
   * Whether this node (or the chain it ends) calls {@code defineVariable()}: a scope must then
   * restore.
   */
  boolean definesVariables() {
    return false;
  }
}
