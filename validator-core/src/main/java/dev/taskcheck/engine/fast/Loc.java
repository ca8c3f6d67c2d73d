package dev.taskcheck.engine.fast;

import dev.taskcheck.rules.ReplacedIn;
import org.jspecify.annotations.Nullable;

/**
 * Where an element is, as the FHIRPath expression a finding names ({@code
 * Task.input[1].value.ofType(Quantity)}), built only when a finding needs it: walking costs one
 * small object per element, no string.
 */
final class Loc {

  private final @Nullable Loc parent;
  private final String name;
  private final int index;
  private final @Nullable String ofType;

  private Loc(@Nullable Loc parent, String name, int index, @Nullable String ofType) {
    this.parent = parent;
    this.name = name;
    this.index = index;
    this.ofType = ofType;
  }

  /** A root: {@code Task}, or a resource's path such as {@code Bundle.entry[1].resource}. */
  static Loc root(String path) {
    return new Loc(null, path, -1, null);
  }

  /** A child without index ({@code status}). */
  Loc child(String childName) {
    return new Loc(this, childName, -1, null);
  }

  /** A child with an index ({@code identifier[0]}); {@code index} below 0 means none. */
  Loc child(String childName, int childIndex) {
    return new Loc(this, childName, childIndex, null);
  }

  /** A choice element with its type ({@code value.ofType(Quantity)}). */
  Loc choice(String childName, int childIndex, String type) {
    return new Loc(this, childName, childIndex, type);
  }

  /**
   * Whether this path or one above it is a choice element's ({@code value.ofType(T)}): only then do
   * {@link #toString} and {@link #parserPath} differ.
   */
  boolean hasChoice() {
    for (Loc l = this; l != null; l = l.parent) {
      if (l.ofType != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@link ReplacedIn#covers} of this path's expression ({@link #toString}), read off the steps
   * where the root is the Task's path: the expression is then that path (a root is written as its
   * name alone), or it and a dot and the first step, whose name alone tells a contained resource.
   * Written out otherwise.
   */
  boolean coveredBy(ReplacedIn in, String taskPath) {
    Loc first = null;
    Loc root = this;
    while (root.parent != null) {
      first = root;
      root = root.parent;
    }
    if (!root.name.equals(taskPath)) {
      return in.covers(toString(), taskPath);
    }
    if (first == null) {
      return true;
    }
    // the first step is written from its name on: ".contained" follows the Task's path only when
    // the name starts so (a shorter name is followed by '[', '.', '(' or nothing)
    return in == ReplacedIn.TASK_ELEMENTS && !first.name.startsWith("contained");
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(64);
    append(b, false);
    return b.toString();
  }

  /**
   * The path as the reference engine's JSON parser names it: a choice element by its definition's
   * name ({@code Task.input[0].value[x].concept.text}), not by {@code value.ofType(T)}.
   */
  String parserPath() {
    StringBuilder b = new StringBuilder(64);
    append(b, true);
    return b.toString();
  }

  private void append(StringBuilder b, boolean parser) {
    if (parent != null) {
      parent.append(b, parser);
      b.append('.');
    }
    b.append(name);
    if (parser && ofType != null) {
      b.append("[x]");
    }
    if (index >= 0) {
      b.append('[').append(index).append(']');
    }
    if (!parser && ofType != null) {
      b.append(".ofType(").append(ofType).append(')');
    }
  }
}
