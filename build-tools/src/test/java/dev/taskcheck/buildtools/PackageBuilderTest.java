package dev.taskcheck.buildtools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator on small R4 sources: what it writes for good sources, and that every kind of
 * problem stops the build with the file, the element and the constraint named.
 */
class PackageBuilderTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String URL = "https://taskcheck.dev/fhir/StructureDefinition/";

  @TempDir Path dir;

  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  private PackageBuilder builder() {
    return new PackageBuilder(
        Release.R4, "9.8.7", new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  @Test
  void goodSourcesGiveAPackageWithSnapshotsVersionAndIndex() throws IOException {
    Path src =
        sources(
            packageJson("dev.taskcheck.fhir.r4", false),
            taskProfile(
                "good",
                "Task",
                constraint("t-1", "status.exists() implies intent.exists()", "good")));
    Path out = dir.resolve("out/r4/package");
    PackageBuilder.Built built = builder().build(src, out);

    assertThat(built.packageName()).isEqualTo("dev.taskcheck.fhir.r4");
    assertThat(built.files())
        .containsExactly("package.json", ".index.json", "StructureDefinition-good.json");
    try (var listing = Files.list(out)) {
      assertThat(listing.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(built.files());
    }
    JsonNode pkg = JSON.readTree(out.resolve("package.json").toFile());
    assertThat(pkg.path("version").asText()).isEqualTo("9.8.7");
    assertThat(Files.readString(out.resolve("package.json")))
        .startsWith("{\n  \"name\": \"dev.taskcheck.fhir.r4\",\n  \"version\": \"9.8.7\",\n");
    JsonNode sd = JSON.readTree(out.resolve("StructureDefinition-good.json").toFile());
    assertThat(sd.path("version").asText()).isEqualTo("9.8.7");
    assertThat(sd.path("snapshot").path("element").size()).isGreaterThan(50);
    assertThat(sd.path("snapshot").path("element").get(0).path("constraint").toString())
        .contains("\"t-1\"");
    JsonNode index = JSON.readTree(out.resolve(".index.json").toFile());
    assertThat(index.path("index-version").asInt()).isEqualTo(2);
    assertThat(index.path("files")).hasSize(1);
    assertThat(index.path("files").get(0).path("url").asText()).isEqualTo(URL + "good");
    assertThat(index.path("files").get(0).path("version").asText()).isEqualTo("9.8.7");
    assertThat(index.path("files").get(0).path("kind").asText()).isEqualTo("resource");
    assertThat(index.path("files").get(0).path("type").asText()).isEqualTo("Task");

    // the package file is reproducible
    Instant time = Instant.parse("2026-01-02T03:04:05Z");
    TgzWriter.write(dir.resolve("a.tgz"), out, built.files(), time);
    TgzWriter.write(dir.resolve("b.tgz"), out, built.files(), time);
    assertThat(Files.readAllBytes(dir.resolve("a.tgz")))
        .isEqualTo(Files.readAllBytes(dir.resolve("b.tgz")));
  }

  @Test
  void snapshotAndFhirPathProblemsNameFileElementAndKey() throws IOException {
    Path src =
        sources(
            packageJson("dev.taskcheck.fhir.r4", false),
            taskProfile("syntax", "Task", constraint("s-1", "status = ", "syntax")),
            taskProfile(
                "r5-path",
                "Task.statusReason",
                constraint("s-2", "concept.text.exists()", "r5-path")),
            taskProfile("not-boolean", "Task", constraint("s-3", "status", "not-boolean")),
            taskProfile("source", "Task", constraint("s-4", "status.exists()", "somewhere-else")),
            taskProfile(
                "no-such-element", "Task.nonsense", constraint("s-5", "true", "no-such-element")));
    List<String> problems = failures(src);

    assertThat(problems)
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(
                        "StructureDefinition-syntax.json: Task: "
                            + "constraint s-1: the FHIRPath expression is invalid for FHIR 4.0.1"));
    assertThat(problems)
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(
                        "StructureDefinition-r5-path.json: "
                            + "Task.statusReason: constraint s-2: the FHIRPath expression is invalid for FHIR 4.0.1")
                    .contains("concept"));
    assertThat(problems)
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(
                        "StructureDefinition-not-boolean.json: Task: "
                            + "constraint s-3: the expression gives")
                    .contains("not a boolean"));
    assertThat(problems)
        .anySatisfy(
            p ->
                assertThat(p)
                    .isEqualTo(
                        "StructureDefinition-source.json: Task: "
                            + "constraint s-4: source must be "
                            + URL
                            + "source, is "
                            + URL
                            + "somewhere-else"));
    assertThat(problems)
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("StructureDefinition-no-such-element.json: ")
                    .contains("Task.nonsense"));
    assertThat(problems).noneSatisfy(p -> assertThat(p).contains("dev.taskcheck.fhir"));
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void misplacedSourcesStopTheBuild() throws IOException {
    Path src =
        sources(
            packageJson("dev.taskcheck.fhir.r4", false),
            taskProfile("ok", "Task", constraint("k-1", "true", "ok")));
    Files.writeString(src.resolve(".index.json"), "{}");
    Files.writeString(src.resolve("notes.txt"), "hello");
    String versioned =
        Files.readString(src.resolve("StructureDefinition-ok.json"))
            .replace("\"id\": \"ok\",", "\"id\": \"other\", \"version\": \"1.0\",");
    Files.writeString(src.resolve("StructureDefinition-versioned.json"), versioned);
    List<String> problems = failures(src);
    assertThat(problems)
        .anySatisfy(
            p ->
                assertThat(p)
                    .endsWith(
                        ".index.json: .index.json is generated by the build; delete it from the sources"));
    assertThat(problems)
        .anySatisfy(
            p ->
                assertThat(p)
                    .endsWith(
                        "notes.txt: not a package source "
                            + "(expected StructureDefinition-<id>.json files and package.json)"));
    assertThat(problems)
        .anySatisfy(
            p ->
                assertThat(p)
                    .endsWith(
                        "StructureDefinition-versioned.json: "
                            + "the file name must be StructureDefinition-other.json (its id is other)"));
    assertThat(problems)
        .anySatisfy(
            p ->
                assertThat(p)
                    .endsWith(
                        "StructureDefinition-versioned.json: "
                            + "url must be "
                            + URL
                            + "other, is "
                            + URL
                            + "ok"));
    assertThat(problems)
        .anySatisfy(
            p ->
                assertThat(p)
                    .endsWith(
                        "StructureDefinition-versioned.json: "
                            + "remove \"version\": the build sets it to taskcheck.version (9.8.7)"));
  }

  @Test
  void packageJsonMustMatchTheRelease() throws IOException {
    Path src = sources(packageJson("dev.taskcheck.fhir.r5", true));
    List<String> problems = failures(src);
    assertThat(problems)
        .anySatisfy(
            p -> assertThat(p).endsWith("package.json: name must be dev.taskcheck.fhir.r4"));
    assertThat(problems)
        .anySatisfy(
            p ->
                assertThat(p)
                    .endsWith(
                        "package.json: remove \"version\": the build sets it to taskcheck.version"));
  }

  @Test
  void anUnchangedReleaseIsNotBuiltAgain() throws IOException {
    Path src =
        sources(
            packageJson("dev.taskcheck.fhir.r4", false),
            taskProfile("good", "Task", constraint("t-1", "status.exists()", "good")));
    String[] args = {
      "--version",
      "1.2.3",
      "--timestamp",
      "2026-01-01T00:00:00Z",
      "--source",
      dir.resolve("src").toString(),
      "--output",
      dir.resolve("out").toString(),
      "--tgz-dir",
      dir.toString(),
      "r4"
    };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    assertThat(FhirPackages.run(args, o, e)).isZero();
    byte[] first = Files.readAllBytes(dir.resolve("dev.taskcheck.fhir.r4-1.2.3.tgz"));
    assertThat(FhirPackages.run(args, o, e)).isZero();
    Files.writeString(
        src.resolve("StructureDefinition-good.json"),
        Files.readString(src.resolve("StructureDefinition-good.json"))
            .replace("status.exists()", "intent.exists()"));
    assertThat(FhirPackages.run(args, o, e)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).lines().toList())
        .satisfiesExactly(
            l ->
                assertThat(l)
                    .startsWith(
                        "[taskcheck-build-tools] r4: 1 resource with snapshots -> dev.taskcheck.fhir.r4-1.2.3.tgz"),
            l ->
                assertThat(l)
                    .isEqualTo(
                        "[taskcheck-build-tools] r4: up to date (same sources, version and tool) -> "
                            + "dev.taskcheck.fhir.r4-1.2.3.tgz"),
            l -> assertThat(l).startsWith("[taskcheck-build-tools] r4: 1 resource with snapshots"));
    assertThat(Files.readAllBytes(dir.resolve("dev.taskcheck.fhir.r4-1.2.3.tgz")))
        .isNotEqualTo(first);
  }

  @Test
  void theCommandLineIsChecked() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    PrintStream o = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThat(FhirPackages.run(new String[] {"--version", "1"}, o, e)).isEqualTo(2);
    assertThat(
            FhirPackages.run(
                new String[] {"--version", "1", "--timestamp", "yesterday", "r4"}, o, e))
        .isEqualTo(2);
    assertThat(
            FhirPackages.run(
                new String[] {
                  "--version",
                  "1",
                  "--timestamp",
                  "0",
                  "--source",
                  "s",
                  "--output",
                  "o",
                  "--tgz-dir",
                  "t",
                  "r6"
                },
                o,
                e))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(
            "missing arguments",
            "--timestamp: not an ISO-8601 instant nor epoch seconds: yesterday",
            "unknown FHIR release 'r6'",
            "usage: FhirPackages");
    assertThat(
            FhirPackages.parse(
                new String[] {
                  "--version",
                  "1",
                  "--timestamp",
                  "1767225600",
                  "--source",
                  "s",
                  "--output",
                  "o",
                  "--tgz-dir",
                  "t",
                  "r5",
                  "r4"
                }))
        .isEqualTo(
            new FhirPackages.Options(
                "1",
                Instant.parse("2026-01-01T00:00:00Z"),
                Path.of("s"),
                Path.of("o"),
                Path.of("t"),
                List.of(Release.R5, Release.R4),
                false));
  }

  private List<String> failures(Path src) {
    List<String> problems = new ArrayList<>();
    assertThatThrownBy(() -> builder().build(src, dir.resolve("out/r4/package")))
        .isInstanceOfSatisfying(BuildFailure.class, f -> problems.addAll(f.problems()));
    // file names are reported with the source folder: keep the part from the file name on
    return problems.stream()
        .map(p -> p.startsWith(src.toString()) ? p.substring(src.toString().length() + 1) : p)
        .toList();
  }

  private Path sources(String packageJson, String... profiles) throws IOException {
    Path src = Files.createDirectories(dir.resolve("src/r4"));
    Files.writeString(src.resolve("package.json"), packageJson);
    for (String p : profiles) {
      String id = JSON.readTree(p).path("id").asText();
      Files.writeString(src.resolve("StructureDefinition-" + id + ".json"), p);
    }
    return src;
  }

  private static String packageJson(String name, boolean withVersion) {
    return "{\"name\": \""
        + name
        + "\", "
        + (withVersion ? "\"version\": \"0.0.1\", " : "")
        + "\"fhirVersions\": [\"4.0.1\"], \"canonical\": \"https://taskcheck.dev/fhir\", "
        + "\"dependencies\": {\"hl7.fhir.r4.core\": \"4.0.1\"}}";
  }

  private static String constraint(String key, String expression, String sourceId) {
    return "{\"key\": \""
        + key
        + "\", \"severity\": \"warning\", \"human\": \"A rule.\", \"expression\": \""
        + expression
        + "\", \"source\": \""
        + URL
        + sourceId
        + "\"}";
  }

  private static String taskProfile(String id, String path, String constraint) {
    String elements =
        "{\"id\": \"Task\", \"path\": \"Task\""
            + (path.equals("Task") ? ", \"constraint\": [" + constraint + "]" : "")
            + "}"
            + (path.equals("Task")
                ? ""
                : ", {\"id\": \""
                    + path
                    + "\", \"path\": \""
                    + path
                    + "\", \"constraint\": ["
                    + constraint
                    + "]}");
    return "{\"resourceType\": \"StructureDefinition\", \"id\": \""
        + id
        + "\", \"url\": \""
        + URL
        + id
        + "\", "
        + "\"name\": \"T\", \"status\": \"active\", \"fhirVersion\": \"4.0.1\", \"kind\": \"resource\", "
        + "\"abstract\": false, \"type\": \"Task\", "
        + "\"baseDefinition\": \"http://hl7.org/fhir/StructureDefinition/Task\", \"derivation\": \"constraint\", "
        + "\"differential\": {\"element\": ["
        + elements
        + "]}}";
  }
}
