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

  /**
   * True when {@code text} (a finding's FHIRPath expression) matches this suppression's expression
   * pattern. Linear in practice and O(text × pattern) at worst, whatever the number of stars.
   */
  public boolean matchesExpression(String text) {
    return globMatches(expression, text);
  }

  /**
   * True when {@code path} (an input's path; a backslash counts as {@code /}) matches this
   * suppression's file pattern; true for every path when it has none. O(path × pattern) at worst.
   */
  public boolean matchesFile(String path) {
    return file == null || pathMatches(file, path);
  }

  /**
   * True when {@code text} matches {@code pattern}, where {@code *} matches any run of characters
   * and everything else itself. Greedy with one resumption point: O(text × pattern) at worst, never
   * exponential (a regular expression with many {@code .*} backtracks catastrophically).
   */
  public static boolean globMatches(String pattern, String text) {
    int p = 0;
    int t = 0;
    int starP = -1;
    int starT = -1;
    while (t < text.length()) {
      if (p < pattern.length() && pattern.charAt(p) == '*') {
        starP = p++;
        starT = t;
      } else if (p < pattern.length() && pattern.charAt(p) == text.charAt(t)) {
        p++;
        t++;
      } else if (starP >= 0) {
        p = starP + 1;
        t = ++starT;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }

  /**
   * True when {@code path} matches the path pattern {@code pattern} ({@code **} any directories,
   * {@code *} any run within one name, {@code ?} one character of a name); a relative pattern also
   * matches below any directory. Backslashes in both count as {@code /}. Simulates the pattern as
   * an automaton over its positions: O(path × pattern), never exponential.
   */
  public static boolean pathMatches(String pattern, String path) {
    String p = pattern.replace('\\', '/');
    String s = path.replace('\\', '/');
    // tokens: >= 0 a literal character, ANY_NAME_RUN ([^/]*), ANY_RUN (.*), ONE_IN_NAME ([^/])
    List<Integer> tokens = new ArrayList<>();
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '*' && i + 1 < p.length() && p.charAt(i + 1) == '*') {
        tokens.add(ANY_RUN);
        i++;
        if (i + 1 < p.length() && p.charAt(i + 1) == '/') {
          i++; // "**/" is ".*/?", which matches what ".*" matches
        }
      } else if (c == '*') {
        tokens.add(ANY_NAME_RUN);
      } else if (c == '?') {
        tokens.add(ONE_IN_NAME);
      } else {
        tokens.add((int) c);
      }
    }
    int m = tokens.size();
    boolean[] at = new boolean[m + 1];
    at[0] = true;
    closeOverStars(tokens, at);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean[] next = new boolean[m + 1];
      for (int k = 0; k < m; k++) {
        if (!at[k]) {
          continue;
        }
        int tok = tokens.get(k);
        if (tok == ANY_RUN || (tok == ANY_NAME_RUN && c != '/')) {
          next[k] = true;
        } else if ((tok == ONE_IN_NAME && c != '/') || tok == c) {
          next[k + 1] = true;
        }
      }
      if (c == '/') {
        next[0] = true; // the implicit "(.*/)?" before a relative pattern
      }
      closeOverStars(tokens, next);
      at = next;
    }
    return at[m];
  }

  private static final int ANY_NAME_RUN = -1;
  private static final int ANY_RUN = -2;
  private static final int ONE_IN_NAME = -3;

  /** A star may match nothing: whoever stands before one also stands after it. */
  private static void closeOverStars(List<Integer> tokens, boolean[] at) {
    for (int k = 0; k < tokens.size(); k++) {
      int tok = tokens.get(k);
      if (at[k] && (tok == ANY_RUN || tok == ANY_NAME_RUN)) {
        at[k + 1] = true;
      }
    }
  }

  /**
   * The regular expression of an expression pattern ({@code *} matches any run of characters).
   *
   * @deprecated a pattern with many stars backtracks catastrophically on a long expression that
   *     does not match; use {@link #globMatches} or {@link #matchesExpression}
   */
  @Deprecated
  public static Pattern expressionPattern(String pattern) {
    List<String> parts = new ArrayList<>();
    for (String part : pattern.split("\\*", -1)) {
      parts.add(Pattern.quote(part));
    }
    return Pattern.compile(String.join(".*", parts));
  }

  /**
   * The regular expression of a path pattern ({@code **} any directories, {@code *} within a name).
   *
   * @deprecated a pattern with many {@code **} backtracks catastrophically; use {@link
   *     #pathMatches} or {@link #matchesFile}
   */
  @Deprecated
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
