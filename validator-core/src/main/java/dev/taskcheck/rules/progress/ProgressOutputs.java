package dev.taskcheck.rules.progress;

import dev.taskcheck.fhir.OutputView;
import dev.taskcheck.fhir.QuantityView;
import dev.taskcheck.fhir.RatioView;
import dev.taskcheck.fhir.TaskStatus;
import dev.taskcheck.fhir.TaskView;
import dev.taskcheck.fhir.UcumUnits;
import dev.taskcheck.model.Coding;
import dev.taskcheck.rules.RuleContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which outputs are progress outputs: every output whose value is a Ratio, and every output whose
 * type matches a configured progress output type. None on an entered-in-error Task (status-10).
 */
final class ProgressOutputs {

  private ProgressOutputs() {}

  static List<OutputView> of(TaskView task, RuleContext ctx) {
    if (task.statusIs(TaskStatus.ENTERED_IN_ERROR)) {
      return List.of();
    }
    List<OutputView> out = new ArrayList<>();
    List<OutputView> all = task.outputs();
    for (int i = 0; i < all.size(); i++) {
      OutputView o = all.get(i);
      if (o.ratio() != null || configured(o, ctx.config().progressOutputTypes())) {
        out.add(o);
      }
    }
    return out;
  }

  /**
   * The Ratio values of the Task's progress outputs (a configured progress output may hold another
   * type).
   */
  static List<RatioView> ratios(TaskView task, RuleContext ctx) {
    List<RatioView> out = new ArrayList<>();
    for (OutputView o : of(task, ctx)) {
      RatioView r = o.ratio();
      if (r != null) {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * A progress Ratio's numerator with the numbers of numerator and denominator, which compare: both
   * have values, in the same unit, in units that differ only in annotation, or in UCUM units that
   * convert ({@code n} is then the numerator in the denominator's unit, and {@code conversion} says
   * what was converted).
   */
  record Fraction(
      QuantityView numerator, BigDecimal n, BigDecimal d, @Nullable Conversion conversion) {

    /**
     * The numerator and denominator as the Task writes them, and the numerator converted, for a
     * message: {@code 500 mg}, {@code 1 g}, {@code 0.5 g}; the numbers alone when nothing was
     * converted.
     */
    List<String> shown() {
      if (conversion == null) {
        return List.of(plain(n), plain(d));
      }
      return List.of(
          plain(conversion.value()) + " " + conversion.from(),
          plain(d) + " " + conversion.to(),
          plain(n) + " " + conversion.to());
    }
  }

  /**
   * A numerator {@code value} in UCUM unit {@code from} converted to the denominator's {@code to}.
   */
  record Conversion(BigDecimal value, String from, String to) {}

  /**
   * The Ratio's numbers when they compare (see {@link #comparable}), or when UCUM converts the
   * numerator's unit to the denominator's (500 mg of 1 g is 0.5 of 1); null when either is missing
   * or they do not (units that are not commensurable, or not UCUM: progress-5 reports those).
   */
  static @Nullable Fraction fraction(RatioView r) {
    QuantityView num = r.numerator();
    QuantityView den = r.denominator();
    BigDecimal n = value(num);
    BigDecimal d = value(den);
    if (num == null || den == null || n == null || d == null) {
      return null;
    }
    if (comparable(num, den)) {
      return new Fraction(num, n, d, null);
    }
    String from = num.ucumCode();
    String to = den.ucumCode();
    BigDecimal converted = UcumUnits.shared().convert(n, from, to);
    if (from == null || to == null || converted == null) {
      return null;
    }
    return new Fraction(num, converted, d, new Conversion(n, from, to));
  }

  private static boolean configured(OutputView o, List<Coding> types) {
    for (Coding c : types) {
      if (o.hasType(c)) {
        return true;
      }
    }
    return false;
  }

  static @Nullable BigDecimal value(@Nullable QuantityView q) {
    return q == null ? null : q.value();
  }

  /**
   * True when the numbers of two quantities can be compared as they are: the same unit, or units
   * that differ only in annotation. Numbers in other UCUM units are compared after conversion
   * ({@link #fraction}); progress-5 reports the two units either way.
   */
  static boolean comparable(QuantityView a, QuantityView b) {
    if (Objects.equals(a.unitKey(), b.unitKey())) {
      return true;
    }
    String ua = a.ucumCode();
    String ub = b.ucumCode();
    if (ua == null || ub == null) {
      return false;
    }
    UcumUnits.Relation rel = UcumUnits.shared().compare(ua, ub);
    return rel == UcumUnits.Relation.SAME || rel == UcumUnits.Relation.ANNOTATION_ONLY;
  }

  /**
   * True when the quantity counts things: UCUM unit {@code 1} or an annotation such as {@code
   * {session}}.
   */
  static boolean counted(QuantityView q) {
    String code = q.ucumCode();
    return code != null && UcumUnits.shared().isCount(code);
  }

  static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }
}
