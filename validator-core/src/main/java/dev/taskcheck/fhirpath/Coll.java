package dev.taskcheck.fhirpath;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * An immutable FHIRPath collection: ordered items, each a {@link FhirNode} or a system value
 * (Boolean, Integer, Long, BigDecimal, String, {@link DateTimeValue}, {@link QuantityValue}, {@link
 * TypeInfo}).
 */
final class Coll {

  static final Coll EMPTY = new Coll(new Object[0], 0);
  static final Coll TRUE = new Coll(new Object[] {true}, 1);
  static final Coll FALSE = new Coll(new Object[] {false}, 1);

  private final Object[] items;
  private final int size;

  private Coll(Object[] items, int size) {
    this.items = items;
    this.size = size;
  }

  static Coll of(Object item) {
    if (item instanceof Boolean b) {
      return b ? TRUE : FALSE;
    }
    return new Coll(new Object[] {item}, 1);
  }

  static Coll of(boolean b) {
    return b ? TRUE : FALSE;
  }

  /** A collection of the list's items (copied). */
  static Coll of(List<?> list) {
    int n = list.size();
    if (n == 0) {
      return EMPTY;
    }
    if (n == 1) {
      return of(list.get(0));
    }
    return new Coll(list.toArray(), n);
  }

  /** TRUE, FALSE or EMPTY for a three-valued result (1, 0, -1). */
  static Coll ofTruth(int truth) {
    return truth < 0 ? EMPTY : truth > 0 ? TRUE : FALSE;
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  Object get(int i) {
    if (i >= size) {
      throw new IndexOutOfBoundsException(i);
    }
    return items[i];
  }

  /** The items from {@code from} (inclusive) to {@code to} (exclusive). */
  Coll slice(int from, int to) {
    int a = Math.max(0, from);
    int b = Math.min(size, to);
    if (a >= b) {
      return EMPTY;
    }
    if (a == 0 && b == size) {
      return this;
    }
    return new Coll(Arrays.copyOfRange(items, a, b), b - a);
  }

  /** A read-only list view of the items. */
  List<Object> asList() {
    return new ListView(items, size);
  }

  @Override
  public String toString() {
    return asList().toString();
  }

  private static final class ListView extends AbstractList<Object> implements RandomAccess {
    private final Object[] items;
    private final int size;

    ListView(Object[] items, int size) {
      this.items = items;
      this.size = size;
    }

    @Override
    public Object get(int index) {
      if (index < 0 || index >= size) {
        throw new IndexOutOfBoundsException(index);
      }
      return items[index];
    }

    @Override
    public int size() {
      return size;
    }
  }

  /** Collects items into a new collection. */
  static final class Builder {
    private Object[] items;
    private int size;

    Builder() {
      this(4);
    }

    Builder(int capacity) {
      items = new Object[Math.max(1, capacity)];
    }

    Builder add(Object item) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      items[size++] = item;
      return this;
    }

    Builder addAll(Coll c) {
      for (int i = 0; i < c.size; i++) {
        add(c.items[i]);
      }
      return this;
    }

    Builder addAll(List<?> list) {
      for (int i = 0, n = list.size(); i < n; i++) {
        add(list.get(i));
      }
      return this;
    }

    int size() {
      return size;
    }

    Object get(int i) {
      return items[i];
    }

    Coll build() {
      if (size == 0) {
        return EMPTY;
      }
      if (size == 1) {
        return of(items[0]);
      }
      return new Coll(size == items.length ? items : Arrays.copyOf(items, size), size);
    }
  }
}
