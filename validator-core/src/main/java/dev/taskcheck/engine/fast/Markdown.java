package dev.taskcheck.engine.fast;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * HTML in markdown, as the reference engine finds it: what its markdown pre-processor would escape.
 */
final class Markdown {

  private static final Pattern TAG = Pattern.compile("(?<!\\\\)</?[A-Za-z][A-Za-z0-9-]*[\\s>]");
  private static final Pattern OTHER = Pattern.compile("<[!?]");

  private Markdown() {}

  /**
   * The start of the first HTML tag, comment, declaration or processing instruction, or null when
   * there is none.
   */
  static @Nullable String htmlStart(String markdown) {
    Matcher m = TAG.matcher(markdown);
    int at = m.find() ? m.start() : -1;
    Matcher o = OTHER.matcher(markdown);
    if (o.find() && (at < 0 || o.start() < at)) {
      at = o.start();
    }
    if (at < 0) {
      return null;
    }
    return markdown.substring(at, Math.min(markdown.length(), at + 2));
  }
}
