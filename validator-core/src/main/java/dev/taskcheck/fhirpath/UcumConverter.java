package dev.taskcheck.fhirpath;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.fhir.ucum.Decimal;
import org.fhir.ucum.UcumEssenceService;
import org.fhir.ucum.UcumException;
import org.jspecify.annotations.Nullable;

/**
 * {@link Units} by the UCUM library's converter. Codes longer than {@value #MAX_CODE_LENGTH}
 * characters or with large powers are refused (see {@link #acceptable}): the library multiplies
 * factors out exactly, which takes unbounded time on codes such as {@code km999}. Factors are
 * memoised per pair of codes, up to {@value #MAX_ENTRIES} pairs.
 */
final class UcumConverter implements Units {

  static final int MAX_CODE_LENGTH = 64;
  static final int MAX_ENTRIES = 4096;
  static final int MAX_EXPONENT = 4;
  static final int MAX_POWERS = 3;

  private final UcumEssenceService service;
  private final ConcurrentMap<String, Optional<BigDecimal>> factors = new ConcurrentHashMap<>();

  private UcumConverter(UcumEssenceService service) {
    this.service = service;
  }

  static UcumConverter shared() {
    return Holder.INSTANCE;
  }

  /** Lazy, once-only loading by the class-initialisation lock. */
  private static final class Holder {
    static final UcumConverter INSTANCE = load();
  }

  private static UcumConverter load() {
    try (InputStream in = UcumEssenceService.class.getResourceAsStream("/ucum-essence.xml")) {
      if (in == null) {
        throw new IllegalStateException(
            "ucum-essence.xml is missing from the class path (it ships in org.fhir:ucum)");
      }
      return new UcumConverter(new UcumEssenceService(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (UcumException e) {
      throw new IllegalStateException("cannot read ucum-essence.xml: " + e.getMessage(), e);
    }
  }

  @Override
  public @Nullable BigDecimal factor(String from, String to) {
    if (from.equals(to)) {
      return BigDecimal.ONE;
    }
    if (!acceptable(from) || !acceptable(to)) {
      return null;
    }
    String key = from + '\u0000' + to;
    Optional<BigDecimal> known = factors.get(key);
    if (known != null) {
      return known.orElse(null);
    }
    Optional<BigDecimal> f = Optional.ofNullable(compute(from, to));
    if (factors.size() < MAX_ENTRIES) {
      factors.putIfAbsent(key, f);
    }
    return f.orElse(null);
  }

  private @Nullable BigDecimal compute(String from, String to) {
    try {
      Decimal d = service.convert(new Decimal(1), from, to);
      return d == null ? null : new BigDecimal(d.asDecimal());
    } catch (UcumException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Short codes with at most {@value #MAX_POWERS} powers, each at most {@value #MAX_EXPONENT} (the
   * 2 of {@code m2}, the -1 of {@code s-1}); a plain number ({@code 10*3}, {@code /100}) may have
   * up to nine digits. This bounds the library's exact arithmetic ({@code Ym9.Ym9.Ym9.Ym9.Ym9.Ym9}
   * takes seconds); real codes stay far inside it.
   */
  static boolean acceptable(String code) {
    if (code.isEmpty() || code.length() > MAX_CODE_LENGTH) {
      return false;
    }
    int powers = 0;
    int i = 0;
    while (i < code.length()) {
      char c = code.charAt(i);
      if (!Character.isDigit(c)) {
        i++;
        continue;
      }
      int start = i;
      while (i < code.length() && Character.isDigit(code.charAt(i))) {
        i++;
      }
      int before = start - 1;
      if (before >= 0 && (code.charAt(before) == '-' || code.charAt(before) == '+')) {
        before--;
      }
      char b = before >= 0 ? code.charAt(before) : '.';
      boolean exponent = Character.isLetter(b) || b == ']' || b == ')';
      if (exponent
          && (i - start > 1 || code.charAt(start) - '0' > MAX_EXPONENT || ++powers > MAX_POWERS)) {
        return false;
      }
      if (i - start > 9) {
        return false;
      }
    }
    return true;
  }
}
