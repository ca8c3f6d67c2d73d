package dev.taskcheck.engine.fast;

import java.util.Currency;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The ISO code lists the reference engine knows without a terminology server (ISO 3166 countries,
 * ISO 4217 currencies, ISO 639-1 languages), taken from the JDK's own tables.
 */
final class Iso {

  private Iso() {}

  private static final class Tables {
    static final Set<String> COUNTRIES = countries();
    static final Set<String> CURRENCIES = currencies();
    static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    private static Set<String> countries() {
      Set<String> out = new HashSet<>(Set.of(Locale.getISOCountries()));
      out.addAll(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));
      return Set.copyOf(out);
    }

    private static Set<String> currencies() {
      Set<String> out = new HashSet<>();
      for (Currency c : Currency.getAvailableCurrencies()) {
        out.add(c.getCurrencyCode());
      }
      return Set.copyOf(out);
    }
  }

  /** ISO 3166 alpha-2 and alpha-3 country codes. */
  static Set<String> countries() {
    return Tables.COUNTRIES;
  }

  /** ISO 4217 alphabetic currency codes. */
  static Set<String> currencies() {
    return Tables.CURRENCIES;
  }

  /** ISO 639-1 (two-letter) language codes. */
  static Set<String> languages() {
    return Tables.LANGUAGES;
  }
}
