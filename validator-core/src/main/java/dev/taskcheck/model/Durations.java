package dev.taskcheck.model;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Durations as people write and read them: {@code 7d}, {@code 12h}, {@code 2w}, or ISO-8601 ({@code P7D},
 * {@code PT12H}) in; {@code 3d 4h}, {@code 2h 5m} out. For options such as {@code --stuck-after} and for the
 * text report.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class Durations {

  private static final Pattern FRIENDLY = Pattern.compile("(\\d{1,9})\\s*([smhdw])");

  private Durations() {}

  /**
   * Reads an ISO-8601 duration ({@code P7D}, {@code PT12H}, {@code P1DT6H}) or a number with a unit:
   * {@code s}, {@code m} (minutes), {@code h}, {@code d} or {@code w} ({@code 30m}, {@code 7d}, {@code 2w}).
   *
   * @throws IllegalArgumentException naming the value and the forms accepted
   */
  public static Duration parse(String text) {
    String t = text.strip();
    if (t.length() > 1 && (t.charAt(0) == 'P' || t.charAt(0) == 'p')) {
      try {
        return Duration.parse(t.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw notADuration(text, e);
      }
    }
    Matcher m = FRIENDLY.matcher(t.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw notADuration(text, null);
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      default -> Duration.ofDays(7 * n);
    };
  }

  private static IllegalArgumentException notADuration(String text, @Nullable Exception e) {
    return new IllegalArgumentException("'" + text + "' is not a duration (expected e.g. 7d, 12h, 30m, 2w, P7D"
        + " or PT12H)", e);
  }

  /**
   * A duration for people, in its two largest units, leaving out a zero second unit: {@code 3d 4h},
   * {@code 7d}, {@code 2h 5m}, {@code 45s}; below a second, {@code 0s}. Negative durations get a minus sign.
   */
  public static String format(Duration d) {
    if (d.isNegative()) {
      return "-" + format(d.negated());
    }
    long seconds = d.getSeconds();
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
