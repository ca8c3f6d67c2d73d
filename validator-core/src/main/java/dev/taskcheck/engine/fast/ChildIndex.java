package dev.taskcheck.engine.fast;

import dev.taskcheck.plan.ElementDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The child definitions of one element (or type), indexed by property name: built once per
 * definition list of the plan and shared by every document and thread, so that finding the
 * definition of a JSON property is a map lookup rather than a scan that cuts names out of paths.
 * Sliced definitions are left out, as the walker leaves them out.
 */
final class ChildIndex {

  /** How many indexes have been made in this process (tests: none should be made per document). */
  private static final AtomicLong BUILT = new AtomicLong();

  /**
   * A property's definition, for a choice the type its name selects, and the definition's position
   * in the list the index was made from.
   */
  record Lookup(ElementDef def, @Nullable String type, int position) {}

  private final Map<String, Lookup> plain = new HashMap<>();
  private final int size;
  private final List<Integer> choicePositions = new ArrayList<>();

  /** A definition by its name, and whether it has sliced children. */
  record Named(ElementDef def, boolean slicesChildren) {}

  private final Map<String, Named> byName = new HashMap<>();

  /**
   * For a profile's children, the profile's definition of each of this index's definitions by
   * position ({@link #profileDefs}), made once per profile (an index compares by identity).
   */
  private final Map<ChildIndex, Named[]> profiles = new ConcurrentHashMap<>();

  private final List<ElementDef> defs;
  private final List<ElementDef> choices = new ArrayList<>();
  private final List<String> choiceNames = new ArrayList<>();

  private ChildIndex(List<ElementDef> defs) {
    BUILT.incrementAndGet();
    this.defs = defs;
    size = defs.size();
    for (int position = 0; position < defs.size(); position++) {
      ElementDef d = defs.get(position);
      if (d.sliceName() != null) {
        continue;
      }
      String name = d.name();
      byName.putIfAbsent(
          name, new Named(d, d.children().stream().anyMatch(k -> k.sliceName() != null)));
      if (d.isChoice()) {
        choices.add(d);
        choiceNames.add(name);
        choicePositions.add(position);
      } else {
        plain.putIfAbsent(name, new Lookup(d, null, position));
      }
    }
  }

  /** The number of definitions in the list the index was made from. */
  int size() {
    return size;
  }

  /** How many indexes have been made in this process. */
  static long built() {
    return BUILT.get();
  }

  /**
   * The indexes of one engine's definition lists, by the identity of the plan's (immutable) list:
   * the plan decodes each definition once. Kept by the engine ({@link Types#index}) rather than for
   * the process, so that the lists of a plan an engine no longer uses (the profiles of an IG
   * package a dropped TaskCheck loaded) can be collected with it.
   */
  static final class Cache {
    private final Map<Key, ChildIndex> indexes = new ConcurrentHashMap<>();

    ChildIndex of(List<ElementDef> defs) {
      return indexes.computeIfAbsent(new Key(defs), k -> new ChildIndex(defs));
    }
  }

  /** The definition of a JSON property name (without its {@code _}), or null when unknown. */
  @Nullable Lookup find(String property) {
    Lookup d = plain.get(property);
    if (d != null) {
      return d;
    }
    for (int i = 0; i < choices.size(); i++) {
      ElementDef c = choices.get(i);
      String t = Types.choiceType(c, choiceNames.get(i), property);
      if (t != null) {
        return new Lookup(c, t, choicePositions.get(i));
      }
    }
    return null;
  }

  /**
   * The definition whose name (a choice's without {@code [x]}) is this one, with whether its
   * children are sliced; null when there is none.
   */
  @Nullable Named named(String name) {
    return byName.get(name);
  }

  /**
   * The profile's definition ({@link #named}) of each of this index's definitions, by position:
   * null where the profile has none or the definition is a slice.
   */
  @Nullable Named[] profileDefs(ChildIndex profile) {
    Named[] known = profiles.get(profile);
    if (known != null) {
      return known;
    }
    Named[] out = new Named[size];
    for (int position = 0; position < size; position++) {
      ElementDef d = defs.get(position);
      if (d.sliceName() == null) {
        out[position] = profile.named(d.name());
      }
    }
    Named[] raced = profiles.putIfAbsent(profile, out);
    return raced != null ? raced : out;
  }

  /** A list compared by identity. */
  private static final class Key {
    private final List<ElementDef> list;

    Key(List<ElementDef> list) {
      this.list = list;
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Key k && k.list == list;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(list);
    }
  }
}
