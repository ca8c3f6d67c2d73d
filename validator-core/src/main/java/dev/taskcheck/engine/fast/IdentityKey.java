package dev.taskcheck.engine.fast;

import org.jspecify.annotations.Nullable;

/**
 * A map key equal only to a key of the same object: for caches by plan object (a definition's list
 * of types, a constraint), which are the same objects for every document and whose own equals and
 * hashCode compare and hash every field.
 */
record IdentityKey(Object of) {

  @Override
  @SuppressWarnings("ReferenceEquality") // the point
  public boolean equals(@Nullable Object o) {
    return o instanceof IdentityKey other && other.of == of;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(of);
  }
}
