package dev.taskcheck.engine.fast;

import org.jspecify.annotations.Nullable;

/**
 * What the engine has worked out about the plan's objects (a constraint, a pair of constraint
 * lists), by those objects' identity: read on every element of every document, written once per
 * object. A read neither locks nor allocates (the concurrent maps it replaced made a key object for
 * every lookup); a write copies the table, so readers always see a whole one. Its size is bounded
 * by the plan's objects, as the maps it replaces were.
 *
 * @param <V> what is kept
 */
final class IdentityCache<V> {

  /** Open addressing, three slots per entry: first key, second key (or null), value. */
  private volatile @Nullable Object[] table = new Object[3 * 64];

  private int size;

  /** How many entries are kept. */
  synchronized int size() {
    return size;
  }

  /** What is kept for {@code key}, or null. */
  @Nullable V get(Object key) {
    return get(key, null);
  }

  /** What is kept for the pair, or null. */
  @SuppressWarnings({"unchecked", "ReferenceEquality"}) // keys by identity, values put as V
  @Nullable V get(Object key, @Nullable Object with) {
    @Nullable Object[] t = table;
    int capacity = t.length / 3;
    int i = slot(key, with, capacity);
    for (; ; ) {
      Object k = t[3 * i];
      if (k == null) {
        return null;
      }
      if (k == key && t[3 * i + 1] == with) {
        return (V) t[3 * i + 2];
      }
      i = (i + 1) & (capacity - 1);
    }
  }

  /** Keeps {@code value} for {@code key}, replacing what was kept. */
  void put(Object key, V value) {
    put(key, null, value);
  }

  /** Keeps {@code value} for the pair, replacing what was kept. */
  synchronized void put(Object key, @Nullable Object with, V value) {
    @Nullable Object[] t = table;
    int capacity = t.length / 3;
    if (get(key, with) == null && 2 * (size + 1) > capacity) {
      capacity *= 2;
    }
    @Nullable Object[] copy = new Object[3 * capacity];
    int entries = 0;
    for (int j = 0; j < t.length; j += 3) {
      Object k = t[j];
      if (k != null && !(same(k, key) && same(t[j + 1], with))) {
        insert(copy, capacity, k, t[j + 1], t[j + 2]);
        entries++;
      }
    }
    insert(copy, capacity, key, with, value);
    size = entries + 1;
    table = copy;
  }

  @SuppressWarnings("ReferenceEquality") // the point
  private static boolean same(@Nullable Object a, @Nullable Object b) {
    return a == b;
  }

  private static void insert(
      @Nullable Object[] t, int capacity, Object key, @Nullable Object with, @Nullable Object v) {
    int i = slot(key, with, capacity);
    while (t[3 * i] != null) {
      i = (i + 1) & (capacity - 1);
    }
    t[3 * i] = key;
    t[3 * i + 1] = with;
    t[3 * i + 2] = v;
  }

  private static int slot(Object key, @Nullable Object with, int capacity) {
    int h = System.identityHashCode(key) * 31 + (with == null ? 0 : System.identityHashCode(with));
    h ^= h >>> 16;
    return h & (capacity - 1);
  }
}
