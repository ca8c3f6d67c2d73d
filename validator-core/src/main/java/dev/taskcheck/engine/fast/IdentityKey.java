package dev.taskcheck.engine.fast;

import org.jspecify.annotations.Nullable;

/**
 * A map key equal only to a key of the same objects: for caches by plan object (a list of child
 * definitions, a definition's list of types, a constraint, a pair of constraint lists), which are
 * the same objects for every document and whose own equals and hashCode compare and hash every
 * field.
 *
 * @param with a second object the key is made of, or null
 */
record IdentityKey(Object of, @Nullable Object with) {

  IdentityKey(Object of) {
    this(of, null);
  }

  @Override
  @SuppressWarnings("ReferenceEquality") // the point
  public boolean equals(@Nullable Object o) {
    return o instanceof IdentityKey other && other.of == of && other.with == with;
  }

  @Override
  public int hashCode() {
    return 31 * System.identityHashCode(of) + System.identityHashCode(with);
  }
}
