package dev.taskcheck.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Removes the findings of one rule at matching expressions from the results, for a written reason,
 * until an optional expiry date (after which the findings are reported again, saying the
 * suppression expired). Read from a suppressions file with {@link ConfigFiles#readSuppressions}.
 *
 * @param ruleId the rule (catalog id, structure id or base invariant key)
 * @param expression a FHIRPath expression where {@code *} matches any run of characters ({@code
 *     Bundle.entry[*].resource.owner}); {@code *} alone matches everything
 * @param file a path pattern the finding's input must match ({@code **} any directories, {@code *}
 *     within one name), or null for every input
 * @param reason why the finding is accepted; mandatory
 * @param expires the last day the suppression applies (UTC), or null for no expiry
 * @param origin where it was declared ({@code suppressions.json:12}), for reports
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record Suppression(
    String ruleId,
    String expression,
    @Nullable String file,
    String reason,
    @Nullable LocalDate expires,
    String origin) {

  public Suppression {
    Objects.requireNonNull(ruleId);
    Objects.requireNonNull(expression);
    Objects.requireNonNull(reason);
    if (reason.isBlank()) {
      throw new IllegalArgumentException("a suppression needs a reason");
    }
    Objects.requireNonNull(origin);
  }

  /**
   * True when the suppression has expired at {@code now} (the day after its expiry date has begun,
   * UTC).
   */
  public boolean isExpired(Instant now) {
    return expires != null && LocalDate.ofInstant(now, ZoneOffset.UTC).isAfter(expires);
  }

  /** The regular expression of an expression pattern ({@code *} matches any run of characters). */
  public static Pattern expressionPattern(String pattern) {
    List<String> parts = new ArrayList<>();
    for (String part : pattern.split("\\*", -1)) {
      parts.add(Pattern.quote(part));
    }
    return Pattern.compile(String.join(".*", parts));
  }

  /**
   * The regular expression of a path pattern ({@code **} any directories, {@code *} within a name).
   */
  public static Pattern filePattern(String pattern) {
    StringBuilder b = new StringBuilder();
    String p = pattern.replace('\\', '/');
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '*' && i + 1 < p.length() && p.charAt(i + 1) == '*') {
        b.append(".*");
        i++;
        if (i + 1 < p.length() && p.charAt(i + 1) == '/') {
          i++;
          b.append("/?");
        }
      } else if (c == '*') {
        b.append("[^/]*");
      } else if (c == '?') {
        b.append("[^/]");
      } else {
        b.append(Pattern.quote(String.valueOf(c)));
      }
    }
    // a relative pattern matches anywhere below the working directory's paths as given
    return Pattern.compile("(?:.*/)?" + b);
  }
}
