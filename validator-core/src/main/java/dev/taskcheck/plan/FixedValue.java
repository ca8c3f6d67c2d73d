package dev.taskcheck.plan;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A value in a definition: {@code fixed[x]}, {@code pattern[x]}, {@code minValue[x]}, {@code
 * maxValue[x]}.
 *
 * @param type the value's FHIR type ({@code uri}, {@code CodeableConcept}), from the element name's
 *     suffix
 * @param value the value itself
 */
public record FixedValue(String type, Value value) {

  public FixedValue {
    Objects.requireNonNull(type);
    Objects.requireNonNull(value);
  }

  /**
   * A value as a tree, the same for JSON and XML sources: a primitive's text and the named fields
   * of a complex value (a repeating field appears once per item, in order).
   *
   * @param primitive the primitive value as written, or null for a complex value (or a primitive
   *     with only extensions)
   */
  public record Value(@Nullable String primitive, List<Field> fields) {

    public Value {
      fields = List.copyOf(fields);
    }

    public static Value of(String primitive) {
      return new Value(primitive, List.of());
    }
  }

  /** One field of a complex value. */
  public record Field(String name, Value value) {}
}
