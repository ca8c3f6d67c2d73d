package dev.taskcheck.model;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The one duration grammar of TaskCheck, for every option and configuration file ({@code
 * --stuck-after}, the plugin's {@code stuckAfter}, the config file's {@code clockSkew}): ISO-8601
 * ({@code P7D}, {@code PT12H}, {@code PT5M}) or a whole number with a unit ({@code 500ms}, {@code
 * 30s}, {@code 5m} or {@code 5min}, {@code 12h}, {@code 7d}, {@code 2w}); never negative, at most
 * {@link #MAX}. Out, for people: {@code 3d 4h}, {@code 2h 5m}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class Durations {

  /**
   * The longest duration accepted: 100 years (longer ones are typing mistakes, and overflow date
   * arithmetic).
   */
  public static final Duration MAX = Duration.ofDays(36_500);

  private static final Pattern FRIENDLY = Pattern.compile("(\\d{1,9})\\s*(ms|s|min|m|h|d|w)");

  private Durations() {}

  /**
   * Reads an ISO-8601 duration ({@code P7D}, {@code PT12H}, {@code P1DT6H}; any letter case) or a
   * whole number with a unit: {@code ms}, {@code s}, {@code m} or {@code min} (minutes), {@code h},
   * {@code d} or {@code w} ({@code 30m}, {@code 7d}, {@code 2w}).
   *
   * @throws IllegalArgumentException naming the value and the forms accepted, for anything else, a
   *     negative duration or one longer than {@link #MAX}
   */
  public static Duration parse(String text) {
    String t = text.strip();
    Duration d;
    if (t.length() > 1 && (t.charAt(0) == 'P' || t.charAt(0) == 'p')) {
      try {
        d = Duration.parse(t.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException | ArithmeticException e) {
        throw notADuration(text, e);
      }
    } else {
      Matcher m = FRIENDLY.matcher(t.toLowerCase(Locale.ROOT));
      if (!m.matches()) {
        throw notADuration(text, null);
      }
      long n = Long.parseLong(m.group(1));
      d =
          switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m", "min" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
          };
    }
    if (d.isNegative()) {
      throw new IllegalArgumentException("'" + text + "' is a negative duration");
    }
    if (d.compareTo(MAX) > 0) {
      throw new IllegalArgumentException("'" + text + "' is a duration longer than 100 years");
    }
    return d;
  }

  private static IllegalArgumentException notADuration(String text, @Nullable Exception e) {
    return new IllegalArgumentException(
        "'" + text + "' is not a duration (expected e.g. 7d, 12h, 5m, 30s, 2w, P7D" + " or PT12H)",
        e);
  }

  /**
   * A duration for people, in its two largest units, leaving out a zero second unit: {@code 3d 4h},
   * {@code 7d}, {@code 2h 5m}, {@code 45s}; below a second, {@code 0s}. Negative durations get a
   * minus sign.
   */
  public static String format(Duration d) {
    if (d.isNegative()) {
      return "-" + format(d.negated());
    }
    long seconds = d.toSeconds();
    long days = seconds / 86_400;
    long hours = seconds % 86_400 / 3_600;
    long minutes = seconds % 3_600 / 60;
    long secs = seconds % 60;
    if (days > 0) {
      return two(days, "d", hours, "h");
    }
    if (hours > 0) {
      return two(hours, "h", minutes, "m");
    }
    if (minutes > 0) {
      return two(minutes, "m", secs, "s");
    }
    return secs + "s";
  }

  private static String two(long first, String firstUnit, long second, String secondUnit) {
    return second == 0 ? first + firstUnit : first + firstUnit + " " + second + secondUnit;
  }
}
