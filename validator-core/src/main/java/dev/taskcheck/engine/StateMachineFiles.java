package dev.taskcheck.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.taskcheck.fhir.StateMachine;
import dev.taskcheck.fhir.StateMachine.EdgeKind;
import dev.taskcheck.fhir.TaskStatus;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.RuleSet;
import dev.taskcheck.source.OptionFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads state-machine tables (the format is in {@code docs/state-machines.md}): the built-in ones
 * from the {@code taskcheck-profiles} jar ({@code
 * dev/taskcheck/profiles/state-machines/<set>-<r4|r5>.json}), and a user's from a file. A table
 * that is wrong is refused with {@code file:line: what}; nothing is guessed.
 */
public final class StateMachineFiles {

  /** Where the built-in tables are on the class path. */
  public static final String FOLDER = "dev/taskcheck/profiles/state-machines/";

  private static final JsonFactory JSON = new JsonFactory();
  private static final Map<String, StateMachine> BUILT_IN = new ConcurrentHashMap<>();
  private static final Set<String> PROPERTIES =
      Set.of(
          "name",
          "title",
          "fhirVersions",
          "source",
          "statuses",
          "initial",
          "terminal",
          "resumeFrom",
          "transitions");
  private static final Set<String> EDGE_PROPERTIES = Set.of("from", "to", "kind", "note");

  private StateMachineFiles() {}

  /**
   * The built-in table of a rule set for a release: the rule set's own table when it has one for
   * the release, else the base table ({@code core}, {@code recommended} and {@code strict} use the
   * base tables; an implementation guide's set on STU3, which its R4 table does not list, too).
   */
  public static StateMachine builtIn(RuleSet ruleSet, FhirRelease release) {
    String family =
        switch (release) {
          case V1_4_0 -> "1.4.0";
          case R5 -> "r5";
          case STU3, R4, R4B -> "r4";
        };
    String own = ruleSet.stateMachine() + "-" + family;
    StateMachine table = builtIn(own);
    if (table == null || !table.appliesTo(release)) {
      table = builtIn("base-" + family);
    }
    if (table == null) {
      throw new IllegalStateException(
          "the built-in state machine "
              + FOLDER
              + "base-"
              + family
              + ".json is missing (is taskcheck-profiles on the class path?)");
    }
    if (!table.appliesTo(release)) {
      throw new IllegalStateException(
          "the built-in state machine "
              + table.origin()
              + " does not list "
              + release.code()
              + " in fhirVersions");
    }
    return table;
  }

  private static @Nullable StateMachine builtIn(String name) {
    StateMachine cached = BUILT_IN.get(name);
    if (cached != null) {
      return cached;
    }
    String resource = FOLDER + name + ".json";
    try (InputStream in = StateMachineFiles.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      StateMachine table = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
      BUILT_IN.put(name, table);
      return table;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a user's table.
   *
   * @throws IllegalArgumentException {@code file:line: what is wrong}
   */
  public static StateMachine read(Path file) {
    String text;
    try {
      text = OptionFiles.read(file, "state machine");
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": the state machine file does not exist", e);
    } catch (OptionFiles.UnreadableOptionFile e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          file + ": cannot read the state machine file: " + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  /**
   * Parses a table.
   *
   * @param origin the file or resource name, for messages and {@link StateMachine#origin()}
   * @throws IllegalArgumentException {@code origin:line: what is wrong}
   */
  public static StateMachine parse(String text, String origin) {
    try (JsonParser p = JSON.createParser(text)) {
      return new Reader(p, origin).table();
    } catch (JsonParseException e) {
      throw new IllegalArgumentException(
          origin
              + ":"
              + e.getLocation().getLineNr()
              + ": not valid JSON: "
              + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One pass over the JSON, keeping the line of every value for messages. */
  private static final class Reader {
    private final JsonParser p;
    private final String origin;

    Reader(JsonParser p, String origin) {
      this.p = p;
      this.origin = origin;
    }

    private IllegalArgumentException fail(int line, String message) {
      return new IllegalArgumentException(origin + ":" + line + ": " + message);
    }

    private int line() {
      return p.currentTokenLocation().getLineNr();
    }

    StateMachine table() throws IOException {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw fail(line(), "a state machine is a JSON object");
      }
      int start = line();
      Map<String, Integer> seen = new LinkedHashMap<>();
      @Nullable String name = null;
      List<FhirRelease> versions = new ArrayList<>();
      Map<String, List<Located>> lists = new LinkedHashMap<>();
      List<Edge> edges = new ArrayList<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        int at = line();
        if (!PROPERTIES.contains(field)) {
          throw fail(
              at,
              "unknown property '"
                  + field
                  + "' (expected one of "
                  + String.join(", ", PROPERTIES)
                  + ")");
        }
        if (seen.put(field, at) != null) {
          throw fail(at, "'" + field + "' is given twice");
        }
        p.nextToken();
        switch (field) {
          case "name" -> name = string(field);
          case "title" -> string(field);
          case "source" -> {
            if (p.currentToken() == JsonToken.START_ARRAY) {
              strings(field);
            } else {
              string(field);
            }
          }
          case "fhirVersions" -> {
            for (Located v : strings(field)) {
              try {
                versions.add(FhirRelease.parse(v.text()));
              } catch (IllegalArgumentException e) {
                throw fail(v.line(), "fhirVersions: " + e.getMessage());
              }
            }
          }
          case "transitions" -> edges = edges();
          default -> lists.put(field, strings(field));
        }
      }
      for (String required :
          List.of("name", "fhirVersions", "statuses", "initial", "terminal", "transitions")) {
        if (!seen.containsKey(required)) {
          throw fail(start, "the state machine has no '" + required + "'");
        }
      }
      if (versions.isEmpty()) {
        throw fail(seen.getOrDefault("fhirVersions", start), "fhirVersions is empty");
      }
      Set<TaskStatus> statuses = statuses(lists.getOrDefault("statuses", List.of()), null);
      if (statuses.isEmpty()) {
        throw fail(seen.getOrDefault("statuses", start), "statuses is empty");
      }
      Set<TaskStatus> initial = statuses(lists.getOrDefault("initial", List.of()), statuses);
      Set<TaskStatus> terminal = statuses(lists.getOrDefault("terminal", List.of()), statuses);
      Set<TaskStatus> resume = statuses(lists.getOrDefault("resumeFrom", List.of()), statuses);
      Map<TaskStatus, Map<TaskStatus, EdgeKind>> table = new EnumMap<>(TaskStatus.class);
      for (Edge e : edges) {
        Set<TaskStatus> froms =
            e.from().text().equals("*") ? statuses : Set.of(status(e.from(), statuses));
        for (Located t : e.to()) {
          TaskStatus to = status(t, statuses);
          for (TaskStatus from : froms) {
            if (from == to) {
              continue; // self-loops are always allowed
            }
            EdgeKind before =
                table.computeIfAbsent(from, k -> new EnumMap<>(TaskStatus.class)).get(to);
            if (before != null && before != e.kind() && !e.from().text().equals("*")) {
              throw fail(
                  t.line(),
                  from
                      + " -> "
                      + to
                      + " is listed as both "
                      + before.code()
                      + " and "
                      + e.kind().code());
            }
            if (before == null || e.kind() == EdgeKind.DIAGRAM) {
              table.get(from).put(to, e.kind());
            }
          }
        }
      }
      String machineName =
          Objects.requireNonNull(name); // among the required properties checked above
      return new StateMachine(
          machineName, origin, versions, statuses, initial, terminal, resume, table);
    }

    private String string(String field) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        throw fail(line(), "'" + field + "' must be a string");
      }
      return p.getText();
    }

    private List<Located> strings(String field) throws IOException {
      if (p.currentToken() != JsonToken.START_ARRAY) {
        throw fail(line(), "'" + field + "' must be an array of strings");
      }
      List<Located> out = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
          throw fail(line(), "'" + field + "' must hold strings only");
        }
        out.add(new Located(p.getText(), line()));
      }
      return out;
    }

    private List<Edge> edges() throws IOException {
      if (p.currentToken() != JsonToken.START_ARRAY) {
        throw fail(
            line(), "'transitions' must be an array of {\"from\", \"to\", \"kind\"} objects");
      }
      List<Edge> out = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
          throw fail(line(), "each transition is an object {\"from\": ..., \"to\": [...]}");
        }
        int at = line();
        Located from = null;
        List<Located> to = null;
        EdgeKind kind = EdgeKind.DIAGRAM;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          int fieldLine = line();
          if (!EDGE_PROPERTIES.contains(field)) {
            throw fail(
                fieldLine,
                "unknown transition property '" + field + "' (expected from, to, kind, note)");
          }
          p.nextToken();
          switch (field) {
            case "from" -> from = new Located(string(field), fieldLine);
            case "to" ->
                to =
                    p.currentToken() == JsonToken.VALUE_STRING
                        ? List.of(new Located(p.getText(), fieldLine))
                        : strings(field);
            case "kind" -> {
              String k = string(field);
              try {
                kind = EdgeKind.valueOf(k.toUpperCase(Locale.ROOT));
              } catch (IllegalArgumentException e) {
                throw fail(fieldLine, "unknown kind '" + k + "' (expected diagram or narrative)");
              }
            }
            default -> string(field);
          }
        }
        if (from == null || to == null) {
          throw fail(at, "a transition needs 'from' and 'to'");
        }
        out.add(new Edge(from, to, kind));
      }
      return out;
    }

    private Set<TaskStatus> statuses(List<Located> codes, @Nullable Set<TaskStatus> within) {
      Set<TaskStatus> out = EnumSet.noneOf(TaskStatus.class);
      for (Located c : codes) {
        out.add(status(c, within));
      }
      return out;
    }

    private TaskStatus status(Located code, @Nullable Set<TaskStatus> within) {
      TaskStatus s = TaskStatus.fromCode(code.text());
      if (s == null) {
        throw fail(code.line(), "'" + code.text() + "' is not a Task status code");
      }
      if (within != null && !within.contains(s)) {
        throw fail(code.line(), "'" + code.text() + "' is not one of the table's statuses");
      }
      return s;
    }
  }

  private record Located(String text, int line) {}

  private record Edge(Located from, List<Located> to, EdgeKind kind) {}
}
