package dev.taskcheck.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A payload's sidecar of expected findings ({@code x.expected.json}, {@code .yaml} or {@code .yml}
 * beside {@code x.json}):
 *
 * <pre>{@code
 * {
 *   "expect": [ { "ruleId": "progress-2", "severity": "error",
 *                 "expression": "Task.output[0].value.ofType(Ratio).numerator" } ],
 *   "absent": [ "status-1" ],
 *   "otherErrors": "fail"
 * }
 * }</pre>
 *
 * Each {@code expect} entry must match a finding of the file ({@code ruleId} required; {@code
 * severity}, {@code expression}, {@code line} and {@code resource} narrow it), no finding may have
 * a rule of {@code absent}, and an error no entry matches fails its resource's test unless {@code
 * otherErrors} is {@code ignore}.
 */
record Expectations(
    Path file, List<Expected> expect, List<String> absent, boolean otherErrorsFail) {

  /** One expected finding. */
  record Expected(
      String ruleId,
      @Nullable Severity severity,
      @Nullable String expression,
      @Nullable Integer line,
      @Nullable String resource) {

    boolean matches(Result r, Issue i) {
      return i.ruleId().equals(ruleId)
          && (severity == null || i.severity() == severity)
          && (expression == null || expression.equals(i.expression()))
          && (line == null || line.equals(i.line()))
          && (resource == null || resource.equals(r.resource()));
    }

    @Override
    public String toString() {
      StringBuilder b = new StringBuilder(ruleId);
      if (severity != null) {
        b.append(' ').append(severity.code());
      }
      if (expression != null) {
        b.append(" at ").append(expression);
      }
      if (line != null) {
        b.append(" on line ").append(line);
      }
      if (resource != null) {
        b.append(" in ").append(resource);
      }
      return b.toString();
    }
  }

  private static final Set<String> KEYS = Set.of("expect", "absent", "otherErrors");
  private static final Set<String> ENTRY_KEYS =
      Set.of("ruleId", "severity", "expression", "line", "resource");

  /** The sidecar of a payload file, or null when it has none. */
  static @Nullable Path sidecarOf(Path payload) {
    String name = payload.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    for (String ext : List.of(".expected.json", ".expected.yaml", ".expected.yml")) {
      Path p = payload.resolveSibling(stem + ext);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  /** Whether a file is a sidecar (and so no payload). */
  static boolean isSidecar(Path file) {
    String n = file.getFileName().toString();
    return n.endsWith(".expected.json")
        || n.endsWith(".expected.yaml")
        || n.endsWith(".expected.yml");
  }

  /**
   * Reads a sidecar.
   *
   * @throws IllegalArgumentException naming the file and what is wrong
   */
  static Expectations read(Path file) {
    String name = file.getFileName().toString();
    ObjectMapper mapper =
        name.endsWith(".json") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
    JsonNode root;
    try {
      root = mapper.readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": not readable: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(file + ": expected an object with 'expect' and 'absent'");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!KEYS.contains(k)) {
        throw new IllegalArgumentException(
            file + ": unknown key '" + k + "' (expected expect, absent, otherErrors)");
      }
    }
    List<Expected> expect = new ArrayList<>();
    JsonNode e = root.path("expect");
    if (!e.isMissingNode() && !e.isArray()) {
      throw new IllegalArgumentException(file + ": 'expect' must be a list");
    }
    int n = 0;
    for (JsonNode entry : e) {
      expect.add(entry(file, n++, entry));
    }
    List<String> absent = new ArrayList<>();
    JsonNode a = root.path("absent");
    if (!a.isMissingNode() && !a.isArray()) {
      throw new IllegalArgumentException(file + ": 'absent' must be a list of rule ids");
    }
    for (JsonNode id : a) {
      if (!id.isTextual() || id.asText().isBlank()) {
        throw new IllegalArgumentException(file + ": 'absent' must be a list of rule ids");
      }
      absent.add(id.asText());
    }
    String other = root.path("otherErrors").asText("fail");
    if (!other.equals("fail") && !other.equals("ignore")) {
      throw new IllegalArgumentException(
          file + ": 'otherErrors' is '" + other + "' (expected fail or ignore)");
    }
    return new Expectations(file, List.copyOf(expect), List.copyOf(absent), other.equals("fail"));
  }

  private static Expected entry(Path file, int index, JsonNode entry) {
    String at = file + ": expect[" + index + "]";
    if (!entry.isObject()) {
      throw new IllegalArgumentException(at + " must be an object with a ruleId");
    }
    for (Iterator<String> it = entry.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!ENTRY_KEYS.contains(k)) {
        throw new IllegalArgumentException(
            at
                + ": unknown key '"
                + k
                + "' (expected ruleId, severity, expression, line, resource)");
      }
    }
    String ruleId = entry.path("ruleId").asText("");
    if (ruleId.isBlank()) {
      throw new IllegalArgumentException(at + " has no ruleId");
    }
    Severity severity = null;
    if (entry.hasNonNull("severity")) {
      try {
        severity = Severity.fromCode(entry.get("severity").asText().toLowerCase(Locale.ROOT));
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException(
            at + ": unknown severity '" + entry.get("severity").asText() + "'", ex);
      }
    }
    Integer line = null;
    if (entry.hasNonNull("line")) {
      if (!entry.get("line").canConvertToInt()) {
        throw new IllegalArgumentException(at + ": 'line' must be a number");
      }
      line = entry.get("line").asInt();
    }
    return new Expected(
        ruleId,
        severity,
        entry.hasNonNull("expression") ? entry.get("expression").asText() : null,
        line,
        entry.hasNonNull("resource") ? entry.get("resource").asText() : null);
  }

  /** Whether some entry expects this finding. */
  boolean expects(Result r, Issue i) {
    return expect.stream().anyMatch(e -> e.matches(r, i));
  }
}
