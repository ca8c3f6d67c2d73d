package dev.taskcheck.engine.custom;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.RuleSet;
import dev.taskcheck.model.Severity;
import dev.taskcheck.plan.Plans;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads FHIRPath rule files, YAML or JSON:
 *
 * <pre>
 * rules:
 *   - id: acme-1
 *     severity: error
 *     expression: owner.exists()
 *     where: meta.profile.exists($this.startsWith('https://acme.org/'))
 *     message: An ACME Task names its owner
 * </pre>
 *
 * A file that cannot be read or does not have this form is an {@link IllegalArgumentException}
 * whose message starts with {@code file:line:}.
 */
final class RuleFiles {

  private static final JsonFactory JSON = new JsonFactory();
  private static final YAMLFactory YAML = new YAMLFactory();

  private static final Set<String> FIELDS =
      Set.of(
          "id",
          "severity",
          "expression",
          "where",
          "context",
          "message",
          "summary",
          "versions",
          "ruleSets",
          "url",
          "since");

  private RuleFiles() {}

  /**
   * The rules of one file.
   *
   * @param shownAs the file as findings and errors name it (as the user gave it)
   */
  static List<FhirPathRule> read(Path file, String shownAs) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw error(shownAs, 0, "no such rule file");
    } catch (IOException e) {
      throw error(shownAs, 0, "cannot read the rule file (" + e.getMessage() + ")");
    }
    boolean yaml = isYaml(file, bytes);
    try (InputStream in = new java.io.ByteArrayInputStream(bytes);
        JsonParser p = yaml ? YAML.createParser(in) : JSON.createParser(in)) {
      return new Reader(p, shownAs).file();
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw error(
          shownAs,
          at == null ? 0 : at.getLineNr(),
          "not " + (yaml ? "YAML" : "JSON") + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw error(shownAs, 0, "cannot read the rule file (" + e.getMessage() + ")");
    }
  }

  private static boolean isYaml(Path file, byte[] bytes) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".json")) {
      return false;
    }
    if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
      return true;
    }
    for (byte b : bytes) {
      if (!Character.isWhitespace(b)) {
        return b != '{' && b != '[';
      }
    }
    return true;
  }

  static IllegalArgumentException error(String file, int line, String what) {
    return new IllegalArgumentException(file + (line > 0 ? ":" + line : "") + ": " + what);
  }

  /** A scalar value of a rule and the line it is on. */
  private record Value(String text, List<String> items, int line) {}

  private static final class Reader {
    private final JsonParser p;
    private final String file;

    Reader(JsonParser p, String file) {
      this.p = p;
      this.file = file;
    }

    private int line() {
      return p.currentTokenLocation().getLineNr();
    }

    List<FhirPathRule> file() throws IOException {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw error(file, 0, "the rule file is empty (expected 'rules:' and a list of rules)");
      }
      List<FhirPathRule> rules = new ArrayList<>();
      if (t == JsonToken.START_ARRAY) {
        list(rules);
      } else if (t == JsonToken.START_OBJECT) {
        boolean seen = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          int at = line();
          p.nextToken();
          if (!name.equals("rules")) {
            throw error(file, at, "unknown key '" + name + "' (a rule file has 'rules' only)");
          }
          if (p.currentToken() != JsonToken.START_ARRAY) {
            throw error(file, at, "'rules' must be a list of rules");
          }
          list(rules);
          seen = true;
        }
        if (!seen) {
          throw error(file, line(), "no 'rules' list");
        }
      } else {
        throw error(file, line(), "expected 'rules:' and a list of rules");
      }
      Map<String, Integer> ids = new LinkedHashMap<>();
      for (FhirPathRule r : rules) {
        Integer before = ids.putIfAbsent(r.id(), r.line());
        if (before != null) {
          throw error(
              file, r.line(), "the id " + r.id() + " is used twice (first on line " + before + ")");
        }
      }
      return rules;
    }

    private void list(List<FhirPathRule> out) throws IOException {
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
          throw error(file, line(), "each rule is a map of id, severity, expression, message, ...");
        }
        out.add(rule());
      }
    }

    private FhirPathRule rule() throws IOException {
      int ruleLine = line();
      Map<String, Value> values = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        int at = line();
        if (!FIELDS.contains(name)) {
          throw error(
              file,
              at,
              "unknown key '"
                  + name
                  + "' (a rule has id, severity, expression, message and optionally where,"
                  + " context, summary, versions, ruleSets, url, since)");
        }
        JsonToken v = p.nextToken();
        List<String> items = new ArrayList<>();
        String text;
        if (v == JsonToken.START_ARRAY) {
          while (p.nextToken() != JsonToken.END_ARRAY) {
            if (!p.currentToken().isScalarValue()) {
              throw error(file, line(), "'" + name + "' lists plain values");
            }
            items.add(p.getText());
          }
          text = String.join(",", items);
        } else if (v != null && v.isScalarValue() && v != JsonToken.VALUE_NULL) {
          text = p.getText();
          items.add(text);
        } else {
          throw error(file, at, "'" + name + "' needs a value");
        }
        values.put(name, new Value(text.trim(), items, at));
      }
      Value idValue = required(values, "id", ruleLine);
      String id = idValue.text();
      String problem = RuleIds.problem(id);
      if (problem != null) {
        throw error(file, idValue.line(), problem);
      }
      Value sv = required(values, "severity", ruleLine);
      Severity severity;
      try {
        severity = Severity.fromCode(sv.text());
      } catch (IllegalArgumentException e) {
        throw error(file, sv.line(), String.valueOf(e.getMessage()));
      }
      if (severity == Severity.FATAL) {
        throw error(
            file, sv.line(), "a rule cannot be fatal (fatal is for input that cannot be read)");
      }
      Value expressionValue = required(values, "expression", ruleLine);
      String expression = expressionValue.text();
      String message = required(values, "message", ruleLine).text();
      Value summary = values.get("summary");
      List<FhirRelease> versions = versions(values.get("versions"));
      List<String> ruleSets = ruleSets(values.get("ruleSets"));
      Value url = values.get("url");
      Value since = values.get("since");
      Value where = values.get("where");
      Value context = values.get("context");
      return new FhirPathRule(
          id,
          severity,
          expression,
          where == null ? null : where.text(),
          context == null ? null : context.text(),
          message,
          summary == null ? firstSentence(message) : summary.text(),
          versions,
          ruleSets,
          url == null ? null : url.text(),
          since == null ? "" : since.text(),
          file,
          ruleLine,
          expressionValue.line(),
          where == null ? 0 : where.line(),
          context == null ? 0 : context.line());
    }

    private Value required(Map<String, Value> values, String name, int ruleLine) {
      Value v = values.get(name);
      if (v == null || v.text().isEmpty()) {
        throw error(file, v == null ? ruleLine : v.line(), "the rule has no '" + name + "'");
      }
      return v;
    }

    private List<FhirRelease> versions(@Nullable Value v) {
      // FHIRPath is typed by the release's plan: the releases with one (not 1.4.0 or STU3 yet)
      if (v == null) {
        return Plans.RELEASES.stream().sorted().toList();
      }
      List<FhirRelease> out = new ArrayList<>();
      for (String item : v.items()) {
        FhirRelease release;
        try {
          release = FhirRelease.parse(item);
        } catch (IllegalArgumentException e) {
          throw error(file, v.line(), String.valueOf(e.getMessage()));
        }
        if (!Plans.exists(release)) {
          throw error(
              file,
              v.line(),
              "FHIRPath rules cannot run on "
                  + release.code()
                  + " yet: TaskCheck has no typed model of its definitions (use R4, R4B or R5)");
        }
        out.add(release);
      }
      if (out.isEmpty()) {
        throw error(file, v.line(), "'versions' lists no FHIR release");
      }
      return out;
    }

    private List<String> ruleSets(@Nullable Value v) {
      if (v == null) {
        return List.of();
      }
      List<String> out = new ArrayList<>();
      for (String item : v.items()) {
        try {
          out.add(RuleSet.fromCode(item).code());
        } catch (IllegalArgumentException e) {
          throw error(file, v.line(), String.valueOf(e.getMessage()));
        }
      }
      return out;
    }
  }

  /** A message's first sentence, without its period: the catalog's summary of a rule. */
  static String firstSentence(String message) {
    String m = message.strip();
    int dot = m.indexOf(". ");
    String first = dot > 0 ? m.substring(0, dot) : m;
    return first.endsWith(".") ? first.substring(0, first.length() - 1) : first;
  }
}
