package dev.taskcheck.buildtools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A package's {@code package.json} as written in the sources: everything but the version, which the
 * build stamps. Reading it checks what must match the release: the name, {@code fhirVersions}, the
 * canonical and the dependency on the release's core package.
 */
final class PackageJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ObjectNode source;

  private PackageJson(ObjectNode source) {
    this.source = source;
  }

  static PackageJson read(Path file, Release release) {
    if (!Files.isRegularFile(file)) {
      throw new BuildFailure(file + ": missing");
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new BuildFailure(file + ": not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!(node instanceof ObjectNode object)) {
      throw new BuildFailure(file + ": not a JSON object");
    }
    List<String> problems = new ArrayList<>();
    String name = "dev.taskcheck.fhir." + release.code();
    if (!name.equals(object.path("name").asText(null))) {
      problems.add(file + ": name must be " + name);
    }
    if (object.has("version")) {
      problems.add(file + ": remove \"version\": the build sets it to taskcheck.version");
    }
    JsonNode fhirVersions = object.path("fhirVersions");
    if (!(fhirVersions.size() == 1 && release.fhirVersion().equals(fhirVersions.get(0).asText()))) {
      problems.add(file + ": fhirVersions must be [\"" + release.fhirVersion() + "\"]");
    }
    if (!PackageBuilder.CANONICAL.equals(object.path("canonical").asText(null))) {
      problems.add(file + ": canonical must be " + PackageBuilder.CANONICAL);
    }
    if (!release
        .fhirVersion()
        .equals(object.path("dependencies").path(release.corePackage()).asText(null))) {
      problems.add(
          file
              + ": dependencies must hold \""
              + release.corePackage()
              + "\": \""
              + release.fhirVersion()
              + "\"");
    }
    if (!problems.isEmpty()) {
      throw new BuildFailure(problems);
    }
    return new PackageJson(object);
  }

  String name() {
    return source.path("name").asText();
  }

  /** The file's text with {@code version} after {@code name}, two-space indented. */
  String withVersion(String version) {
    ObjectNode out = MAPPER.createObjectNode();
    for (Map.Entry<String, JsonNode> field : source.properties()) {
      out.set(field.getKey(), field.getValue());
      if (field.getKey().equals("name")) {
        out.put("version", version);
      }
    }
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
            .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
    try {
      return MAPPER.writer(printer).writeValueAsString(out) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
