package dev.taskcheck.fhirpath;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * UCUM unit conversion, as quantity equality, comparison and arithmetic need it. Implementations
 * must be thread-safe. {@link #ucum()} is backed by the UCUM library ({@code org.fhir:ucum});
 * {@link #none()} knows only that a unit equals itself (quantities in different units then compare
 * as empty).
 */
public interface Units {

  /**
   * The factor that turns a value in {@code from} into the same amount in {@code to} (1000 from
   * {@code g} to {@code mg}), or null when either code is not a valid UCUM unit, the units are not
   * commensurable, or the conversion is not linear (units such as {@code Cel}).
   */
  @Nullable BigDecimal factor(String from, String to);

  /**
   * Conversion by the UCUM library, its definitions read once on first use (not when an evaluator
   * is built: reading them takes a few hundred milliseconds, and most runs never convert); factors
   * are memoised.
   */
  static Units ucum() {
    return (from, to) -> UcumConverter.shared().factor(from, to);
  }

  /** No conversion: only identical codes are commensurable. */
  static Units none() {
    return (from, to) -> from.equals(to) ? BigDecimal.ONE : null;
  }
}
