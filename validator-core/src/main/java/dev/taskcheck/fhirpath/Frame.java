package dev.taskcheck.fhirpath;

import org.jspecify.annotations.Nullable;

/**
 * The variables of one scope: {@code $this} (as a collection), {@code $index}, {@code $total} and
 * the variables {@code defineVariable()} introduced. A scoped function evaluates its arguments in a
 * child frame; {@code defineVariable()} adds to the frame of its chain, and the compiler restores
 * the variables at the end of every complete sub-expression that defines any.
 */
final class Frame {

  final Run run;

  /** {@code %context}: the focus the evaluation started with. */
  final Coll context;

  Coll focus;
  int index;
  @Nullable Coll total;
  @Nullable Vars vars;

  Frame(Run run, Coll context) {
    this.run = run;
    this.context = context;
    this.focus = context;
  }

  /**
   * A frame for a scoped function's arguments: the same $index, $total and variables to start with.
   */
  Frame child(Coll newFocus) {
    Frame f = new Frame(run, context);
    f.focus = newFocus;
    f.index = index;
    f.total = total;
    f.vars = vars;
    return f;
  }

  @Nullable Coll variable(String name) {
    for (Vars v = vars; v != null; v = v.next) {
      if (v.name.equals(name)) {
        return v.value;
      }
    }
    return null;
  }

  /** One variable, and the ones defined before it. */
  static final class Vars {
    final String name;
    final Coll value;
    final @Nullable Vars next;

    Vars(String name, Coll value, @Nullable Vars next) {
      this.name = name;
      this.value = value;
      this.next = next;
    }
  }
}
