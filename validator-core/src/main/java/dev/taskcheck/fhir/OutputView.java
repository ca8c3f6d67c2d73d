package dev.taskcheck.fhir;

import dev.taskcheck.model.Coding;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One {@code Task.output} (or {@code Task.input}) entry.
 *
 * @param index its position among the Task's outputs
 * @param expression {@code Task.output[index]}
 * @param typeCodings the codings of its {@code type}
 * @param valueType the datatype of its {@code value[x]} ({@code Ratio}, {@code Reference}, ...),
 *     null when absent
 * @param ratio the value when it is a Ratio
 * @param quantity the value when it is a Quantity
 * @param referencedType the resource type a {@code valueReference} points at, from its literal
 *     reference
 */
public record OutputView(
    int index,
    String expression,
    List<Coding> typeCodings,
    @Nullable String valueType,
    @Nullable RatioView ratio,
    @Nullable QuantityView quantity,
    @Nullable String referencedType) {

  public OutputView {
    typeCodings = List.copyOf(typeCodings);
  }

  /** True when one of the type codings matches {@code wanted}. */
  public boolean hasType(Coding wanted) {
    for (Coding c : typeCodings) {
      if (c.matches(wanted)) {
        return true;
      }
    }
    return false;
  }

  /** The first complete (system and code) type coding, or null. */
  public @Nullable Coding codedType() {
    for (Coding c : typeCodings) {
      if (c.isComplete()) {
        return c;
      }
    }
    return null;
  }
}
