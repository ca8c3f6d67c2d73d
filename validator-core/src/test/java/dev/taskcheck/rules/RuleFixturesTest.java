package dev.taskcheck.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskcheck.ConfigFiles;
import dev.taskcheck.TaskCheck;
import dev.taskcheck.TestData;
import dev.taskcheck.ValidationRequest;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.Report;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.RuleSet;
import dev.taskcheck.rules.catalog.CatalogEntry;
import dev.taskcheck.rules.catalog.RuleCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The per-rule fixtures of {@code testdata/fixtures/rules/<id>/cases.json}: each case, in each FHIR
 * release it names, gives exactly its expected findings, all of them (structure findings included),
 * so a failing fixture proves it isolates its rule and a passing one proves it is clean.
 */
class RuleFixturesTest {

  static final Path DIR = TestData.path("fixtures/rules");

  /** The "now" of every fixture run unless a case sets its own. */
  static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  /** One case of one rule in one release. */
  record Case(
      String rule,
      Path file,
      FhirRelease release,
      String description,
      RuleSet ruleSet,
      Instant now,
      String config,
      List<String> overrides,
      Set<String> expected,
      Duration stuckAfter,
      Path stateMachine) {
    @Override
    public String toString() {
      return rule + " " + DIR.resolve(rule).relativize(file) + " " + release.code();
    }
  }

  static List<Case> all() throws IOException {
    List<Case> out = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> dirs = Files.list(DIR)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        Path manifest = dir.resolve("cases.json");
        if (!Files.exists(manifest)) {
          continue;
        }
        String rule = dir.getFileName().toString();
        JsonNode root = json.readTree(manifest.toFile());
        for (JsonNode c : root.get("cases")) {
          Set<String> expected = new TreeSet<>();
          for (JsonNode e : c.get("expect")) {
            expected.add(
                e.get("ruleId").asText()
                    + " "
                    + e.get("severity").asText()
                    + " "
                    + e.get("expression").asText());
          }
          List<String> overrides = new ArrayList<>();
          if (c.has("rules")) {
            c.get("rules")
                .properties()
                .forEach(f -> overrides.add(f.getKey() + "=" + f.getValue().asText()));
          }
          for (JsonNode v : c.get("fhirVersions")) {
            out.add(
                new Case(
                    rule,
                    dir.resolve(c.get("file").asText()),
                    FhirRelease.parse(v.asText()),
                    c.path("description").asText(),
                    c.has("ruleSet")
                        ? RuleSet.fromCode(c.get("ruleSet").asText())
                        : RuleSet.RECOMMENDED,
                    c.has("now") ? Instant.parse(c.get("now").asText()) : NOW,
                    c.has("config") ? c.get("config").toString() : null,
                    overrides,
                    expected,
                    c.has("stuckAfter") ? Duration.parse(c.get("stuckAfter").asText()) : null,
                    c.has("stateMachine") ? dir.resolve(c.get("stateMachine").asText()) : null));
          }
        }
      }
    }
    return out;
  }

  static Stream<Case> cases() throws IOException {
    return all().stream();
  }

  /**
   * The messages the Java rules declare ({@code <rule id>.<key>} of their {@code @MessageKey}
   * constants).
   */
  private static final Set<String> DECLARED = CatalogTest.declaredMessages();

  @Test
  void everyFixtureFileIsACase() throws IOException {
    Set<Path> listed = new TreeSet<>();
    for (Case c : all()) {
      listed.add(c.file().normalize());
    }
    Set<Path> present = new TreeSet<>();
    try (Stream<Path> s = Files.walk(DIR)) {
      Set<Path> tables = new TreeSet<>();
      for (Case c : all()) {
        if (c.stateMachine() != null) {
          tables.add(c.stateMachine().normalize());
        }
      }
      s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().equals("cases.json"))
          .filter(p -> !tables.contains(p.normalize()))
          .forEach(p -> present.add(p.normalize()));
    }
    assertThat(listed).isEqualTo(present);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void givesExactlyItsFindings(Case c) {
    assertThat(c.file()).as("fixture file of %s", c).exists();
    TaskCheck.Builder b =
        TaskCheck.builder().fhirVersion(c.release()).ruleSet(c.ruleSet()).now(c.now()).threads(1);
    if (c.config() != null) {
      b.config(ConfigFiles.parseConfig(c.config(), c.file().resolveSibling("cases.json")));
    }
    c.overrides().forEach(b::rule);
    b.stuckAfter(c.stuckAfter());
    if (c.stateMachine() != null) {
      b.stateMachine(c.stateMachine());
    }
    Report report = b.build().validate(ValidationRequest.of(c.file().toString()));
    Set<String> actual = new TreeSet<>();
    for (Result r : report.results()) {
      for (Issue i : r.issues()) {
        actual.add(i.ruleId() + " " + i.severity().code() + " " + i.expression());
        assertThat(i.line()).as("every finding has a line: %s", i).isNotNull().isPositive();
        CatalogEntry rule = RuleCatalog.entry(i.ruleId());
        if (rule != null && rule.type() != null) {
          assertThat(i.messageId())
              .as("a Java rule reports with its @MessageKey constants: %s", i)
              .isIn(DECLARED);
        }
      }
    }
    assertThat(actual).as("%s: %s", c, c.description()).isEqualTo(c.expected());
  }
}
