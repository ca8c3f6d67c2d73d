package dev.taskcheck.maven;

import java.util.Map;

/**
 * Reads the maps that carry a {@link RunRequest} or a {@link RunAnswer} across the class loader
 * boundary.
 */
final class CarriedMap {

  private CarriedMap() {}

  /** The value of a key that {@code toMap} always writes with a value. */
  static Object required(Map<String, Object> m, String key) {
    Object value = m.get(key);
    if (value == null) {
      throw new IllegalArgumentException("the carried map has no " + key);
    }
    return value;
  }
}
