package dev.taskcheck;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.taskcheck.model.Coding;
import dev.taskcheck.model.Durations;
import dev.taskcheck.model.RuleConfig;
import dev.taskcheck.model.Suppression;
import dev.taskcheck.source.OptionFiles;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code --config} and {@code --suppressions} files (JSON). Every problem is a {@link
 * TaskCheckException} naming the file, the line and what is wrong; unknown properties are errors,
 * so a misspelt setting never silently does nothing.
 *
 * <pre>{@code
 * config:        {"progress": {"outputTypes": [{"system": "http://example.org/output-types",
 *                                                "code": "sessions-progress"}],
 *                              "overDeliveryAllowed": false,
 *                              "counted": [{"outputType": {"system": "...", "code": "session"},
 *                                           "resourceType": "Encounter"}]},
 *                 "clockSkew": "PT5M"}
 * suppressions:  {"suppressions": [{"rule": "status-1", "expression": "Bundle.entry[*].resource",
 *                                   "file": "legacy/**", "reason": "owners are assigned downstream",
 *                                   "expires": "2027-03-31"}]}
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ConfigFiles {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build();

  private ConfigFiles() {}

  /** Reads a rule configuration file. */
  public static RuleConfig readConfig(Path file) {
    return parseConfig(read(file, "configuration"), file);
  }

  /** Reads a rule configuration from JSON text; {@code origin} names it in error messages. */
  public static RuleConfig parseConfig(String text, Path origin) {
    Path file = origin;
    try {
      ConfigDto dto = MAPPER.readValue(text, ConfigDto.class);
      if (dto == null) {
        throw new TaskCheckException(
            file + ": the configuration file is empty (expected a JSON object)");
      }
      ProgressDto progress =
          dto.progress() == null ? new ProgressDto(null, null, null) : dto.progress();
      List<Coding> types = new ArrayList<>();
      if (progress.outputTypes() != null) {
        for (int i = 0; i < progress.outputTypes().size(); i++) {
          types.add(coding(progress.outputTypes().get(i), file, "progress.outputTypes[" + i + "]"));
        }
      }
      List<RuleConfig.CountedOutput> counted = new ArrayList<>();
      if (progress.counted() != null) {
        for (int i = 0; i < progress.counted().size(); i++) {
          CountedDto c = progress.counted().get(i);
          String where = "progress.counted[" + i + "]";
          if (c == null || (c.outputType() == null && c.resourceType() == null)) {
            throw new TaskCheckException(
                file + ": " + where + " needs an outputType, a resourceType or both");
          }
          counted.add(
              new RuleConfig.CountedOutput(
                  c.progressType() == null
                      ? null
                      : coding(c.progressType(), file, where + ".progressType"),
                  c.outputType() == null
                      ? null
                      : coding(c.outputType(), file, where + ".outputType"),
                  c.resourceType()));
        }
      }
      Duration skew =
          dto.clockSkew() == null ? RuleConfig.DEFAULT_CLOCK_SKEW : duration(dto.clockSkew(), file);
      return new RuleConfig(
          types, Boolean.TRUE.equals(progress.overDeliveryAllowed()), skew, counted);
    } catch (JsonProcessingException e) {
      throw jsonProblem(file, text, e);
    }
  }

  /** Reads a suppressions file; each suppression remembers the line it was declared on. */
  public static List<Suppression> readSuppressions(Path file) {
    String text = read(file, "suppressions");
    List<Suppression> out = new ArrayList<>();
    try (JsonParser p = MAPPER.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new TaskCheckException(
            file + ":" + line(p) + ": expected a JSON object {\"suppressions\": [...]}");
      }
      boolean seen = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (!"suppressions".equals(name)) {
          throw new TaskCheckException(
              file
                  + ":"
                  + line(p)
                  + ": unknown property '"
                  + name
                  + "' (a suppressions file holds one property, \"suppressions\": an array)");
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
          throw new TaskCheckException(
              file + ":" + line(p) + ": \"suppressions\" must be an array");
        }
        seen = true;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          int entryLine = line(p);
          SuppressionDto dto = MAPPER.readValue(p, SuppressionDto.class);
          out.add(suppression(dto, file, entryLine));
        }
      }
      if (!seen) {
        throw new TaskCheckException(file + ": no \"suppressions\" array");
      }
    } catch (JsonProcessingException e) {
      throw jsonProblem(file, text, e);
    } catch (IOException e) {
      throw new TaskCheckException(
          "cannot read the suppressions file " + file + ": " + e.getMessage(), e);
    }
    return List.copyOf(out);
  }

  private static Suppression suppression(@Nullable SuppressionDto dto, Path file, int line) {
    String at = file + ":" + line;
    if (dto == null) {
      throw new TaskCheckException(at + ": a suppression must be an object");
    }
    if (dto.rule() == null || dto.rule().isBlank()) {
      throw new TaskCheckException(
          at + ": the suppression has no \"rule\" (the rule id whose findings it removes)");
    }
    if (dto.expression() == null || dto.expression().isBlank()) {
      throw new TaskCheckException(
          at
              + ": the suppression of "
              + dto.rule()
              + " has no \"expression\" (a FHIRPath expression, * matches anything; use \"*\" for every finding)");
    }
    if (dto.reason() == null || dto.reason().isBlank()) {
      throw new TaskCheckException(
          at
              + ": the suppression of "
              + dto.rule()
              + " has no \"reason\": say why the finding is accepted");
    }
    LocalDate expires = null;
    if (dto.expires() != null) {
      try {
        expires = LocalDate.parse(dto.expires().trim());
      } catch (DateTimeParseException e) {
        throw new TaskCheckException(
            at + ": \"expires\" is '" + dto.expires() + "', expected a date such as 2027-03-31");
      }
    }
    return new Suppression(
        dto.rule().trim(),
        dto.expression().trim(),
        dto.file(),
        dto.reason().trim(),
        expires,
        file.getFileName() + ":" + line);
  }

  private static Coding coding(@Nullable CodingDto dto, Path file, String where) {
    if (dto == null
        || dto.system() == null
        || dto.system().isBlank()
        || dto.code() == null
        || dto.code().isBlank()) {
      throw new TaskCheckException(file + ": " + where + " needs a \"system\" and a \"code\"");
    }
    return new Coding(dto.system().trim(), dto.code().trim());
  }

  /** The {@code clockSkew} setting, in the duration grammar of {@link Durations}. */
  static Duration duration(String text, Path file) {
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new TaskCheckException(file + ": \"clockSkew\": " + e.getMessage(), e);
    }
  }

  private static String read(Path file, String what) {
    try {
      return OptionFiles.read(file, what);
    } catch (NoSuchFileException e) {
      throw new TaskCheckException("the " + what + " file " + file + " does not exist", e);
    } catch (OptionFiles.UnreadableOptionFile e) {
      throw new TaskCheckException(String.valueOf(e.getMessage()), e);
    } catch (IOException e) {
      throw new TaskCheckException(
          "cannot read the " + what + " file " + file + ": " + e.getMessage(), e);
    }
  }

  private static TaskCheckException jsonProblem(Path file, String text, JsonProcessingException e) {
    JsonLocation loc = e.getLocation();
    String where =
        loc == null || loc.getLineNr() < 1
            ? file.toString()
            : file + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
    if (e instanceof UnrecognizedPropertyException u) {
      // records are built once the whole object is read, so the exception's location is the
      // object's end
      int line = lineOfField(text, u.getPropertyName());
      if (line > 0) {
        where = file + ":" + line;
      }
    }
    String path =
        e instanceof JsonMappingException m && !m.getPath().isEmpty()
            ? " at " + describe(m.getPath())
            : "";
    return new TaskCheckException(
        where
            + ": "
            + e.getOriginalMessage()
                .replaceAll("\\s*\\(class [^)]*\\)", "")
                .replaceAll("\\s*\\(for [^)]*\\)", "")
            + path,
        e);
  }

  /** The line of the first property called {@code name}, or -1. */
  private static int lineOfField(String text, String name) {
    try (JsonParser p = MAPPER.createParser(text)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.FIELD_NAME && name.equals(p.currentName())) {
          return p.currentTokenLocation().getLineNr();
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }

  private static String describe(List<JsonMappingException.Reference> path) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : path) {
      if (r.getFieldName() != null) {
        b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  private static int line(JsonParser p) {
    return p.currentTokenLocation().getLineNr();
  }

  record ConfigDto(
      @JsonProperty("progress") @Nullable ProgressDto progress,
      @JsonProperty("clockSkew") @Nullable String clockSkew) {}

  record ProgressDto(
      @JsonProperty("outputTypes") @Nullable List<CodingDto> outputTypes,
      @JsonProperty("overDeliveryAllowed") @Nullable Boolean overDeliveryAllowed,
      @JsonProperty("counted") @Nullable List<CountedDto> counted) {}

  record CountedDto(
      @JsonProperty("progressType") @Nullable CodingDto progressType,
      @JsonProperty("outputType") @Nullable CodingDto outputType,
      @JsonProperty("resourceType") @Nullable String resourceType) {}

  record CodingDto(
      @JsonProperty("system") @Nullable String system,
      @JsonProperty("code") @Nullable String code) {}

  record SuppressionDto(
      @JsonProperty("rule") @Nullable String rule,
      @JsonProperty("expression") @Nullable String expression,
      @JsonProperty("file") @Nullable String file,
      @JsonProperty("reason") @Nullable String reason,
      @JsonProperty("expires") @Nullable String expires) {}
}
