package dev.taskcheck.fhir;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A Quantity (or the numerator or denominator of a Ratio) as the rules read it.
 *
 * @param expression where it is, relative to the Task
 * @param value the number, null when absent or not a decimal
 * @param comparator the comparator code, null when absent
 * @param unit the human-readable unit, null when absent
 * @param system the unit system, null when absent
 * @param code the coded unit, null when absent
 */
public record QuantityView(
    String expression,
    @Nullable BigDecimal value,
    @Nullable String comparator,
    @Nullable String unit,
    @Nullable String system,
    @Nullable String code) {

  public static final String UCUM = "http://unitsofmeasure.org";

  /**
   * The UCUM code of the unit when the system is UCUM (or absent and a code is given), else null.
   */
  public @Nullable String ucumCode() {
    if (code == null) {
      return null;
    }
    return system == null || UCUM.equals(system) ? code : null;
  }

  /**
   * The unit as a key for equality: the coded unit with its system when coded, else the text unit.
   */
  public @Nullable String unitKey() {
    if (code != null) {
      return (system == null ? "" : system) + "|" + code;
    }
    return unit;
  }

  static @Nullable QuantityView read(@Nullable FhirElement e, String expression) {
    if (e == null) {
      return null;
    }
    return new QuantityView(
        expression,
        decimal(e.childValue("value")),
        e.childValue("comparator"),
        e.childValue("unit"),
        e.childValue("system"),
        e.childValue("code"));
  }

  static @Nullable BigDecimal decimal(@Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      return new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
