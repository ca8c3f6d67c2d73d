package dev.taskcheck.testdata.mutation;

import java.util.List;

/**
 * One kind of mutation. An operator lists where in a seed it can act ({@link #targets}), each
 * target with a variant and a key that groups like targets (the element, the type, the variant);
 * {@link #apply} then makes exactly one change at one target. Operators hold no state.
 */
interface Operator {

  /** The operator's name, as in mutant file names: {@code bad-primitive}. */
  String name();

  /** One line: what the operator does. */
  String summary();

  /** A deliberate syntax error: the mutant is not well-formed JSON (or repeats a member name). */
  default boolean syntax() {
    return false;
  }

  /** Its share of a corpus relative to the others (4 for most; syntax mutations are kept few). */
  default int weight() {
    return 4;
  }

  /** Adds every place where this operator can act in {@code doc}. */
  void targets(Doc doc, List<Target> out);

  /**
   * Makes the change at {@code target}; {@code rng} picks among equal alternatives (a wrong code, a
   * misspelling). Null when the target does not allow it after all.
   */
  Change apply(Doc doc, Target target, Rng rng);

  /** A place where an operator can act, and how. */
  record Target(String key, String variant, Site site) {}

  /**
   * One mutation: its variant, where, what changed, and the edits of the seed text that make it.
   */
  record Change(
      String variant, String pointer, String path, String description, List<Layout.Edit> edits) {

    static Change at(Site site, String variant, String description, List<Layout.Edit> edits) {
      return new Change(variant, site.pointer(), site.path(), description, edits);
    }

    static Change at(Site site, String variant, String description, Layout.Edit edit) {
      return at(site, variant, description, List.of(edit));
    }
  }
}
