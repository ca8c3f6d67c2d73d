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
 * {@link Units} by the UCUM library's converter. Codes longer than {@value #MAX_CODE_LENGTH} characters or with
 * an exponent of more than two digits are refused (the library multiplies factors out exactly, which takes
 * unbounded time on codes such as {@code km999}). Factors are memoised per pair of codes, up to
 * {@value #MAX_ENTRIES} pairs.
 */
final class UcumConverter implements Units {

  static final int MAX_CODE_LENGTH = 64;
  static final int MAX_ENTRIES = 4096;

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
        throw new IllegalStateException("ucum-essence.xml is missing from the class path (it ships in org.fhir:ucum)");
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
   * Short codes whose exponents (digits after a unit symbol, such as the 2 of {@code m2}) have at most two
   * digits; a plain number ({@code 10*3}, {@code /100}) may have up to nine.
   */
  static boolean acceptable(String code) {
    if (code.isEmpty() || code.length() > MAX_CODE_LENGTH) {
      return false;
    }
    int run = 0;
    boolean exponent = false;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if ((c >= '0' && c <= '9') || ((c == '-' || c == '+') && i + 1 < code.length()
          && Character.isDigit(code.charAt(i + 1)) && i > 0 && Character.isLetter(code.charAt(i - 1)))) {
        if (run == 0) {
          char before = i > 0 ? code.charAt(i - 1) : '.';
          exponent = Character.isLetter(before) || before == ']' || before == ')';
        }
        run++;
        if (run > (exponent ? 3 : 9)) {
          return false;
        }
      } else {
        run = 0;
      }
    }
    return true;
  }
}
