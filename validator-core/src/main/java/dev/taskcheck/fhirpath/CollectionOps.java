package dev.taskcheck.fhirpath;

/**
 * Set-like operations on collections, with FHIRPath equality ({@code =} returning true) as
 * sameness.
 */
final class CollectionOps {

  private CollectionOps() {}

  static boolean contains(Coll c, Object item, Run run) {
    // a code or string against a list of strings (the ('draft' | 'requested' | ...) of invariants):
    // the item's system value once, then plain string equality, as Values.equal decides it
    Object value = Values.system(item, run.model);
    if (value instanceof String s && onlyStrings(c)) {
      for (int i = 0; i < c.size(); i++) {
        if (s.equals(c.get(i))) {
          return true;
        }
      }
      return false;
    }
    for (int i = 0; i < c.size(); i++) {
      if (Values.equal(c.get(i), item, run) == 1) {
        return true;
      }
    }
    return false;
  }

  /** Whether every item is a string (a literal list such as {@code ('a' | 'b')}). */
  static boolean onlyStrings(Coll c) {
    for (int i = 0; i < c.size(); i++) {
      if (!(c.get(i) instanceof String)) {
        return false;
      }
    }
    return true;
  }

  private static boolean containsIn(Coll.Builder b, Object item, Run run) {
    for (int i = 0; i < b.size(); i++) {
      if (Values.equal(b.get(i), item, run) == 1) {
        return true;
      }
    }
    return false;
  }

  /** The items of both, each once, in order of first appearance. */
  static Coll union(Coll a, Coll b, Run run) {
    if (b.isEmpty()) {
      return distinct(a, run);
    }
    Coll.Builder out = new Coll.Builder(a.size() + b.size());
    for (Coll c : new Coll[] {a, b}) {
      for (int i = 0; i < c.size(); i++) {
        Object item = c.get(i);
        if (!containsIn(out, item, run)) {
          out.add(item);
        }
      }
    }
    return out.build();
  }

  static Coll distinct(Coll c, Run run) {
    if (c.size() < 2) {
      return c;
    }
    Coll.Builder out = new Coll.Builder(c.size());
    for (int i = 0; i < c.size(); i++) {
      Object item = c.get(i);
      if (!containsIn(out, item, run)) {
        out.add(item);
      }
    }
    return out.size() == c.size() ? c : out.build();
  }

  static boolean isDistinct(Coll c, Run run) {
    for (int i = 1; i < c.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (Values.equal(c.get(i), c.get(j), run) == 1) {
          return false;
        }
      }
    }
    return true;
  }

  /** The items of a that are in b, each once. */
  static Coll intersect(Coll a, Coll b, Run run) {
    Coll.Builder out = new Coll.Builder();
    for (int i = 0; i < a.size(); i++) {
      Object item = a.get(i);
      if (contains(b, item, run) && !containsIn(out, item, run)) {
        out.add(item);
      }
    }
    return out.build();
  }

  /** The items of a that are not in b, duplicates and order kept. */
  static Coll exclude(Coll a, Coll b, Run run) {
    if (b.isEmpty()) {
      return a;
    }
    Coll.Builder out = new Coll.Builder();
    for (int i = 0; i < a.size(); i++) {
      Object item = a.get(i);
      if (!contains(b, item, run)) {
        out.add(item);
      }
    }
    return out.build();
  }

  /** Whether every item of a is in b. */
  static boolean subsetOf(Coll a, Coll b, Run run) {
    for (int i = 0; i < a.size(); i++) {
      if (!contains(b, a.get(i), run)) {
        return false;
      }
    }
    return true;
  }

  static Coll ofType(Coll c, TypeSpec type, FhirModel model) {
    Coll.Builder out = null;
    for (int i = 0; i < c.size(); i++) {
      Object item = c.get(i);
      if (type.selects(item, model)) {
        if (out == null) {
          out = new Coll.Builder(c.size());
        }
        out.add(item);
      }
    }
    return out == null ? Coll.EMPTY : out.size() == c.size() ? c : out.build();
  }

  static Coll combine(Coll a, Coll b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return new Coll.Builder(a.size() + b.size()).addAll(a).addAll(b).build();
  }
}
