package dev.taskcheck.cli;

import static dev.taskcheck.cli.CliProcessSupport.taskcheck;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskcheck.cli.CliProcessSupport.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --rules} and {@code --plugin-path} through the real jar (issue 16): the FHIRPath rule
 * file's three rules and the example plug-in's rule appear in every report format and in {@code
 * taskcheck rules --format json}; a bad rule file or plug-in folder is a setup error (exit 2).
 */
class CustomRulesIT {

  private static final Path DIR = CliProcessSupport.testdata().resolve("custom-rules");
  private static final Path RULES = DIR.resolve("acme-rules.yaml");
  private static final Path TASK = DIR.resolve("acme-task.json");
  private static final List<String> IDS = List.of("acme-1", "acme-2", "acme-3", "example-1");

  @TempDir Path tmp;

  private static String plugins() {
    return CliProcessSupport.plugins().toString();
  }

  @Test
  void everyReportFormatCarriesTheCustomFindings() throws Exception {
    Path out = tmp.resolve("reports");
    CliRun run =
        taskcheck(
                "validate",
                "--engine",
                "fast",
                "--rules",
                RULES.toString(),
                "--plugin-path",
                plugins(),
                "--format",
                "text,json,operationoutcome,junit,sarif,xml,html",
                "--output",
                out.toString(),
                TASK.toString())
            .run();
    assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
    List<Path> files;
    try (Stream<Path> s = Files.list(out)) {
      files = s.sorted().toList();
    }
    assertThat(files).hasSize(7);
    for (Path f : files) {
      String written = Files.readString(f, StandardCharsets.UTF_8);
      for (String id : IDS) {
        assertThat(written).as(f.getFileName() + " names " + id).contains(id);
      }
    }
    JsonNode report =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(out.resolve("taskcheck.json").toFile());
    List<org.assertj.core.groups.Tuple> found = new ArrayList<>();
    for (JsonNode i : report.path("results").get(0).path("issues")) {
      if (IDS.contains(i.path("ruleId").asText())) {
        found.add(
            tuple(
                i.path("ruleId").asText(),
                i.path("severity").asText(),
                i.path("expression").asText()));
      }
    }
    assertThat(found)
        .containsExactlyInAnyOrder(
            tuple("acme-1", "error", "Task"),
            tuple("acme-2", "warning", "Task.input[0]"),
            tuple("acme-3", "information", "Task"),
            tuple("example-1", "warning", "Task"));
    JsonNode sarifRules =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(out.resolve("taskcheck.sarif").toFile())
            .path("runs")
            .get(0)
            .path("tool")
            .path("driver")
            .path("rules");
    List<String> listed = new ArrayList<>();
    sarifRules.forEach(r -> listed.add(r.path("id").asText()));
    assertThat(listed).containsAll(IDS);
  }

  @Test
  void theRulesCommandListsThemWithTheirOrigin() {
    CliRun run =
        taskcheck(
                "rules",
                "--format",
                "json",
                "--rules",
                RULES.toString(),
                "--plugin-path",
                plugins())
            .run();
    assertThat(run.exitCode()).as(run.describe()).isZero();
    List<org.assertj.core.groups.Tuple> custom = new ArrayList<>();
    for (JsonNode r : run.json().path("rules")) {
      if (IDS.contains(r.path("id").asText())) {
        custom.add(
            tuple(
                r.path("id").asText(),
                r.path("kind").asText(),
                r.path("severity").asText(),
                r.path("origin").asText().replaceAll(".*[/\\\\]", "")));
      }
    }
    assertThat(custom)
        .containsExactly(
            tuple(
                "example-1",
                "plugin",
                "warning",
                "taskcheck-rule-plugin-example-0.1.0-SNAPSHOT.jar"
                    + " (org.example.taskcheck.IdentifierWhenActive)"),
            tuple("acme-1", "fhirpath", "error", "acme-rules.yaml:4"),
            tuple("acme-2", "fhirpath", "warning", "acme-rules.yaml:11"),
            tuple("acme-3", "fhirpath", "information", "acme-rules.yaml:17"));
  }

  @Test
  void aRuleFileThatDoesNotCompileIsASetupErrorNamingFileAndLine() {
    Path bad = DIR.resolve("bad/does-not-compile.yaml");
    CliRun run = taskcheck("validate", "--rules", bad.toString(), TASK.toString()).run();
    assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
    assertThat(run.stderr())
        .contains("--rules " + bad + ":8: the expression of acme-2 does not compile")
        .doesNotContain("Exception");
  }

  @Test
  void anAdvisorFileSuppressesStructureFindings() {
    Path samples = CliProcessSupport.testdata().resolve("samples/davinci-pcde-task-requested.xml");
    Path advisor = CliProcessSupport.testdata().resolve("advisor/advisor.txt");
    CliRun run =
        taskcheck(
                "validate",
                "--format",
                "json",
                "--advisor-file",
                advisor.toString(),
                samples.toString())
            .run();
    assertThat(run.exitCode()).as(run.describe()).isZero();
    JsonNode result = run.json().path("results").get(0);
    List<String> ids = new ArrayList<>();
    result.path("issues").forEach(i -> ids.add(i.path("ruleId").asText()));
    assertThat(ids).doesNotContain("dom-6");
    assertThat(run.json().path("summary").path("suppressed").asInt()).isPositive();

    CliRun bad =
        taskcheck(
                "validate",
                "--advisor-file",
                tmp.resolve("none.json").toString(),
                samples.toString())
            .run();
    assertThat(bad.exitCode()).as(bad.describe()).isEqualTo(2);
    assertThat(bad.stderr()).contains("--advisor-file").contains("no such advisor file");
  }

  @Test
  void aPlugInPathThatIsNoFolderIsASetupError() {
    CliRun run =
        taskcheck("validate", "--plugin-path", tmp.resolve("nope").toString(), TASK.toString())
            .run();
    assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
    assertThat(run.stderr()).contains("--plugin-path").contains("no such folder or jar");
  }
}
