package dev.taskcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tasks checked against the profiles of IG packages (issue 16, point 1): the real Data Sharing
 * Framework ping-pong Tasks against their test packages, as they are and mutated, through the
 * library.
 */
class IgProfileValidationTest {

  private static final Path PACKAGES = TestData.path("ig-packages");
  private static final String START_PING =
      "http://dsf.dev/fhir/StructureDefinition/task-start-ping|1.0";
  private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

  private static final TaskCheck WITH_DSF =
      TaskCheck.builder()
          .now(NOW)
          .engine("auto")
          .ig(PACKAGES.resolve("dsf-process-ping-pong").toString())
          .ig(PACKAGES.resolve("dsf-base-v1").toString())
          .build();

  private static String startPing() {
    try {
      return Files.readString(
          PACKAGES.resolve("examples/dsf-task-start-ping.xml"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<Issue> issues(TaskCheck taskCheck, String text) {
    List<Result> results = taskCheck.validateText(text, "task.xml");
    assertThat(results).hasSize(1);
    return results.get(0).issues();
  }

  private static List<String> ids(List<Issue> issues) {
    return issues.stream()
        .map(i -> i.ruleId() + " " + i.severity().code() + " " + i.expression())
        .toList();
  }

  @Test
  void theRealDsfTasksHaveNoErrorAgainstTheirProfiles() throws IOException {
    assertThat(NetworkGuard.installed()).isTrue();
    int attempts = NetworkGuard.attempts().size();
    try (Stream<Path> files = Files.list(PACKAGES.resolve("examples"))) {
      List<Path> examples = files.sorted().toList();
      assertThat(examples).hasSize(3);
      for (Path p : examples) {
        List<Issue> found = issues(WITH_DSF, Files.readString(p, StandardCharsets.UTF_8));
        assertThat(found)
            .as(p.getFileName().toString())
            .allMatch(i -> i.severity() != Severity.FATAL && i.severity() != Severity.ERROR)
            .extracting(Issue::ruleId)
            .containsOnly("dom-6"); // the examples have no narrative
      }
    }
    assertThat(NetworkGuard.attempts()).as("packages are read, never fetched").hasSize(attempts);
  }

  @Test
  void withoutThePackageTheClaimedProfileIsAnUnknownProfileWarning() {
    List<Issue> found = issues(TaskCheck.builder().now(NOW).build(), startPing());
    assertThat(ids(found)).contains("structure-other warning Task.meta.profile[0]");
    assertThat(found)
        .noneMatch(i -> i.severity() == Severity.FATAL || i.severity() == Severity.ERROR);
  }

  /**
   * The mutants of the start-ping Task in {@code testdata/ig-packages/mutants}, with the finding
   * each expects and the profile it names ({@code mutant-cases.json}; the CLI and the plugin read
   * the same).
   */
  static Stream<Arguments> mutants() throws IOException {
    JsonNode cases = new ObjectMapper().readTree(PACKAGES.resolve("mutant-cases.json").toFile());
    List<Arguments> out = new ArrayList<>();
    for (JsonNode c : cases.path("cases")) {
      JsonNode e = c.path("expect");
      out.add(
          Arguments.of(
              c.path("file").asText() + ": " + c.path("mutation").asText(),
              c.path("file").asText(),
              e.path("ruleId").asText()
                  + " "
                  + e.path("severity").asText()
                  + " "
                  + e.path("expression").asText(),
              c.path("profile").isNull() ? null : c.path("profile").asText()));
    }
    assertThat(out).hasSizeGreaterThanOrEqualTo(10);
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutants")
  void eachMutantGetsTheFindingOfTheProfile(
      String name, String file, String expected, @Nullable String profile) throws IOException {
    String mutated =
        Files.readString(PACKAGES.resolve("mutants").resolve(file), StandardCharsets.UTF_8);
    assertThat(mutated).as("the mutation changes the Task").isNotEqualTo(startPing());
    List<Issue> found = issues(WITH_DSF, mutated);
    assertThat(ids(found)).as(name).contains(expected);
    // the finding names the profile whose constraint it reports, where the engine says which
    // (a code unknown to the package's CodeSystem and an unknown profile version do not)
    assertThat(found)
        .filteredOn(i -> ids(List.of(i)).get(0).equals(expected))
        .extracting(Issue::profile)
        .as(name)
        .containsOnly(profile);
  }

  @Test
  void aJsonTaskClaimingAPackageProfileIsCheckedByTheReferenceEngine() {
    String json =
        "{\"resourceType\":\"Task\",\"meta\":{\"profile\":[\""
            + START_PING
            + "\"]},"
            + "\"status\":\"draft\",\"intent\":\"order\",\"authoredOn\":\"2023-09-12\"}";
    List<Result> results = WITH_DSF.validateText(json, "task.json");
    assertThat(results.get(0).engine()).isEqualTo(Result.ENGINE_REFERENCE);
    assertThat(ids(results.get(0).issues()))
        .contains(
            "structure-cardinality error Task.instantiatesCanonical",
            "structure-cardinality error Task.requester");
  }

  @Test
  void aRunProfileChecksTasksThatDoNotClaimIt() {
    TaskCheck withProfile =
        TaskCheck.builder()
            .now(NOW)
            .engine("auto")
            .ig(PACKAGES.resolve("dsf-process-ping-pong").toString())
            .ig(PACKAGES.resolve("dsf-base-v1").toString())
            .profile(START_PING)
            .build();
    String json =
        "{\"resourceType\":\"Task\",\"status\":\"draft\",\"intent\":\"order\","
            + "\"authoredOn\":\"2023-09-12\"}";
    List<Result> results = withProfile.validateText(json, "task.json");
    assertThat(results.get(0).engine()).isEqualTo(Result.ENGINE_REFERENCE);
    assertThat(ids(results.get(0).issues()))
        .contains("structure-cardinality error Task.instantiatesCanonical");
    // the same Task without the run profile: nothing of the package applies
    assertThat(ids(issues(WITH_DSF, json))).noneMatch(s -> s.contains("instantiatesCanonical"));
  }

  @Test
  void aRunProfileNoPackageDefinesIsASetupError() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                TaskCheck.builder()
                    .ig(PACKAGES.resolve("dsf-base-v1").toString())
                    .profile("http://example.org/StructureDefinition/nobody")
                    .build())
        .withMessageContaining("http://example.org/StructureDefinition/nobody")
        .withMessageContaining("dev.taskcheck.test.dsf.v1#1.9.0");
  }
}
