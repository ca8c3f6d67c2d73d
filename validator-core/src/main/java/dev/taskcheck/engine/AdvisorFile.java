package dev.taskcheck.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.IssueSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * An HL7 validator advisor file ({@code -advisor-file}), read as the HL7 validator reads it,
 * applied to the structure engine's findings (either engine): each rule suppresses findings by
 * message id, optionally at a path.
 *
 * <ul>
 *   <li>JSON ({@code .json}): {@code {"suppress": ["Terminology_PassThrough_TX_Message",
 *       "Reference_REF_NoDisplay@Task.owner", "TYPE_SPECIFIC_CHECKS_DT_QTY_*@^.*\\.numerator"]}};
 *       other keys are ignored, as the HL7 validator ignores them;
 *   <li>text (any other name): one rule per line starting with {@code -} ({@code -
 *       messageId[@path]}); {@code #} starts a comment; other lines are ignored, as the HL7
 *       validator ignores them.
 * </ul>
 *
 * A message id ending in {@code *} matches ids starting with the rest; ids compare without regard
 * to case. A path is FHIRPath segments separated by dots, matched segment by segment: {@code *}
 * matches any segment, a segment without an index matches any index ({@code Task.input} matches
 * {@code Task.input[2]}), and a path matches deeper elements only when its last segment is {@code
 * *}; a path starting with {@code ^} is a regular expression over the whole path. Besides the HL7
 * message id, a rule may name the invariant key of an invariant finding ({@code dom-6}).
 */
public final class AdvisorFile {

  /** One suppression rule, with where it was written ({@code file:line}). */
  public record Rule(String id, @Nullable String path, @Nullable Pattern regex, String origin) {

    /** The rule as written in the file. */
    public String text() {
      return path == null ? id : id + "@" + (regex != null ? "^" + regex.pattern() : path);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Rule> rules;

  private AdvisorFile(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  public List<Rule> rules() {
    return rules;
  }

  /**
   * Reads an advisor file.
   *
   * @param shownAs the file as errors and suppressed findings name it
   * @throws IllegalArgumentException naming the file (and line) and the problem
   */
  public static AdvisorFile read(Path file, String shownAs) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(shownAs + ": no such advisor file", e);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          shownAs + ": cannot read the advisor file (" + e.getMessage() + ")", e);
    }
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    return name.toLowerCase(Locale.ROOT).endsWith(".json")
        ? json(text, shownAs)
        : text(text, shownAs);
  }

  private static AdvisorFile json(String text, String file) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new IllegalArgumentException(
          file + (line > 0 ? ":" + line : "") + ": not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(
          file + ": an advisor file is a JSON object, such as {\"suppress\": [\"messageId\"]}");
    }
    JsonNode suppress = root.path("suppress");
    List<Rule> rules = new ArrayList<>();
    if (suppress.isMissingNode() || suppress.isNull()) {
      return new AdvisorFile(rules);
    }
    List<JsonNode> items = new ArrayList<>();
    if (suppress.isArray()) {
      suppress.forEach(items::add);
    } else {
      items.add(suppress);
    }
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String where = file + " suppress[" + i + "]";
      if (!item.isTextual() || item.asText().isBlank()) {
        throw new IllegalArgumentException(where + ": each entry is a message id, or id@path");
      }
      rules.add(rule(item.asText().trim(), where));
    }
    return new AdvisorFile(rules);
  }

  private static AdvisorFile text(String text, String file) {
    List<Rule> rules = new ArrayList<>();
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].trim();
      if (line.startsWith("-")) {
        String s = line.substring(1).trim();
        String where = file + ":" + (i + 1);
        if (s.isEmpty()) {
          throw new IllegalArgumentException(where + ": '-' with no message id after it");
        }
        rules.add(rule(s, where));
      }
    }
    return new AdvisorFile(rules);
  }

  private static Rule rule(String s, String origin) {
    int at = s.indexOf('@');
    if (at < 0) {
      return new Rule(s, null, null, origin);
    }
    String id = s.substring(0, at).trim();
    String path = s.substring(at + 1).trim();
    if (id.isEmpty() || path.isEmpty()) {
      throw new IllegalArgumentException(origin + ": '" + s + "' is not messageId@path");
    }
    if (path.startsWith("^")) {
      try {
        return new Rule(id, path, Pattern.compile(path.substring(1)), origin);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            origin + ": the path regular expression does not compile: " + e.getDescription(), e);
      }
    }
    return new Rule(id, path, null, origin);
  }

  /**
   * The rule that suppresses a finding, or null: only the structure engine's findings (structure
   * and profile) are advised.
   */
  public @Nullable Rule suppressing(Issue issue) {
    if (issue.source() != IssueSource.STRUCTURE && issue.source() != IssueSource.PROFILE) {
      return null;
    }
    String expression = issue.expression() == null ? "" : issue.expression();
    String[] actual = expression.split("\\.", -1);
    for (Rule r : rules) {
      boolean idMatches =
          (issue.messageId() != null && idMatches(r.id(), issue.messageId()))
              || idMatches(r.id(), issue.ruleId());
      if (!idMatches) {
        continue;
      }
      if (r.path() == null) {
        return r;
      }
      boolean pathMatches =
          r.regex() != null
              ? r.regex().matcher(expression).matches()
              : pathMatches(r.path().split("\\.", -1), actual);
      if (pathMatches) {
        return r;
      }
    }
    return null;
  }

  static boolean idMatches(String specifier, String actual) {
    if (specifier.endsWith("*")) {
      String prefix = specifier.substring(0, specifier.length() - 1);
      return actual.regionMatches(true, 0, prefix, 0, prefix.length());
    }
    return specifier.equalsIgnoreCase(actual);
  }

  static boolean pathMatches(String[] specifier, String[] actual) {
    for (int i = 0; i < specifier.length; i++) {
      if (i == actual.length || !segmentMatches(specifier[i], actual[i])) {
        return false;
      }
    }
    return actual.length == specifier.length || specifier[specifier.length - 1].equals("*");
  }

  private static boolean segmentMatches(String specifier, String actual) {
    if (specifier.equals("*")) {
      return true;
    }
    if (!specifier.contains("[")) {
      int bracket = actual.indexOf('[');
      return specifier.equals(bracket >= 0 ? actual.substring(0, bracket) : actual);
    }
    return specifier.equals(actual);
  }
}
