package dev.taskcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskcheck.fhir.TaskElements;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.Report;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The FHIR specification's own Task examples: clean in their own release; read as the other
 * release, they give exactly the unknown-element errors for the elements that release does not
 * have.
 */
class SpecExamplesTest {

  private static TaskCheck auto;
  private static TaskCheck stu3;
  private static TaskCheck r4;
  private static TaskCheck r4b;
  private static TaskCheck r5;

  @BeforeAll
  static void engines() {
    auto = TaskCheck.builder().build();
    stu3 = TaskCheck.builder().fhirVersion(FhirRelease.STU3).build();
    r4 = TaskCheck.builder().fhirVersion(FhirRelease.R4).build();
    r4b = TaskCheck.builder().fhirVersion(FhirRelease.R4B).build();
    r5 = TaskCheck.builder().fhirVersion(FhirRelease.R5).build();
  }

  static Stream<Arguments> examples() {
    List<Arguments> out = new ArrayList<>();
    for (Path p : TestData.files("corpus/spec-stu3")) {
      out.add(Arguments.of(FhirRelease.STU3, p));
    }
    for (Path p : TestData.files("corpus/spec-r4")) {
      out.add(Arguments.of(FhirRelease.R4, p));
    }
    for (Path p : TestData.files("corpus/spec-r4b")) {
      out.add(Arguments.of(FhirRelease.R4B, p));
    }
    for (Path p : TestData.files("corpus/spec-r5")) {
      out.add(Arguments.of(FhirRelease.R5, p));
    }
    return out.stream();
  }

  private static TaskCheck engine(FhirRelease release) {
    return switch (release) {
      case V1_4_0 -> throw new IllegalArgumentException("the 1.4.0 example (XML) is Fhir140Test's");
      case STU3 -> stu3;
      case R4 -> r4;
      case R4B -> r4b;
      case R5 -> r5;
    };
  }

  private static Result only(Report report) {
    assertThat(report.results()).hasSize(1);
    return report.results().get(0);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("examples")
  void cleanInItsOwnRelease(FhirRelease release, Path file) {
    Result r = only(engine(release).validate(ValidationRequest.of(file.toString())));
    assertThat(r.fhirVersion()).isEqualTo(release);
    assertThat(r.resource()).startsWith("Task/");
    assertThat(r.issues()).filteredOn(i -> i.severity().isAtLeast(Severity.ERROR)).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("examples")
  void autoDetectionPicksTheRightRelease(FhirRelease release, Path file) throws IOException {
    Result r = only(auto.validate(ValidationRequest.of(file.toString())));
    Set<String> r5Only = onlyIn(file, FhirRelease.R5, FhirRelease.R4);
    // R4 and R4B Tasks have the same elements: without R5-only content, auto says R4, and says why
    // the STU3 examples all have requester.agent, which only STU3 has
    FhirRelease expected =
        release == FhirRelease.STU3
            ? FhirRelease.STU3
            : release == FhirRelease.R5 && !r5Only.isEmpty() ? FhirRelease.R5 : FhirRelease.R4;
    assertThat(r.fhirVersion()).isEqualTo(expected);
    assertThat(r.fhirVersionReason()).isNotBlank();
    if (expected == release) {
      assertThat(r.issues()).filteredOn(i -> i.severity().isAtLeast(Severity.ERROR)).isEmpty();
    }
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("examples")
  void readAsTheOtherReleaseGivesExactlyTheUnknownElements(FhirRelease release, Path file)
      throws IOException {
    // STU3 and R5 are read as R4, R4 and R4B as R5
    FhirRelease other =
        release == FhirRelease.R4 || release == FhirRelease.R4B ? FhirRelease.R5 : FhirRelease.R4;
    Set<String> expected =
        onlyIn(file, release == FhirRelease.R4B ? FhirRelease.R4 : release, other);
    if (file.endsWith("Task-example1.json") && release == FhirRelease.STU3) {
      // its contained Provenance is STU3's too: agent.whoReference, signature.whoReference, blob
      // and contentType are R4's agent.who, signature.who, data and sigFormat (checked by hand
      // against the two Provenance pages)
      expected.addAll(
          List.of(
              "Task.contained[0].agent[0].whoReference",
              "Task.contained[0].signature[0].blob",
              "Task.contained[0].signature[0].contentType",
              "Task.contained[0].signature[0].whoReference"));
    }
    Result r = only(engine(other).validate(ValidationRequest.of(file.toString())));
    Set<String> unknown = new TreeSet<>();
    for (Issue i : r.issues()) {
      if (i.ruleId().equals("structure-unknown-element")) {
        assertThat(i.severity()).isEqualTo(Severity.ERROR);
        assertThat(i.line()).isNotNull();
        unknown.add(i.expression());
      }
    }
    assertThat(unknown).isEqualTo(expected);
  }

  @Test
  void theStu3ExamplesHaveWhatOnlyStu3Has() throws IOException {
    Set<String> stu3AsR4 = new TreeSet<>();
    for (Path p : TestData.files("corpus/spec-stu3")) {
      stu3AsR4.addAll(onlyIn(p, FhirRelease.STU3, FhirRelease.R4));
    }
    assertThat(stu3AsR4)
        .contains(
            "Task.context", "Task.reason", "Task.requester.agent", "Task.requester.onBehalfOf");
  }

  @Test
  void theIssueListsTheElementsThatMustFail() throws IOException {
    // the issue names them: R5 read as R4 -> requestedPerformer, reason, doNotPerform; R4 read as
    // R5 ->
    // performerType, reasonCode. The corpus must exercise each of them.
    Set<String> r5AsR4 = new TreeSet<>();
    for (Path p : TestData.files("corpus/spec-r5")) {
      r5AsR4.addAll(onlyIn(p, FhirRelease.R5, FhirRelease.R4));
    }
    Set<String> r4AsR5 = new TreeSet<>();
    for (Path p : TestData.files("corpus/spec-r4")) {
      r4AsR5.addAll(onlyIn(p, FhirRelease.R4, FhirRelease.R5));
    }
    assertThat(r5AsR4).contains("Task.requestedPerformer", "Task.reason", "Task.doNotPerform");
    assertThat(r4AsR5).contains("Task.performerType", "Task.reasonCode");
  }

  /** The top-level elements of the file that exist in {@code release} but not in {@code other}. */
  private static Set<String> onlyIn(Path file, FhirRelease release, FhirRelease other)
      throws IOException {
    JsonNode json = new ObjectMapper().readTree(file.toFile());
    Set<String> only = TaskElements.onlyIn(release, other);
    Set<String> out = new TreeSet<>();
    for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      String bare = name.startsWith("_") ? name.substring(1) : name;
      if (only.contains(bare) || (only.contains("definition") && bare.startsWith("definition"))) {
        out.add("Task." + bare);
      }
    }
    // STU3's requester is a backbone element (agent, onBehalfOf); a Reference from R4 on
    JsonNode requester = json.get("requester");
    if (release == FhirRelease.STU3 && requester != null) {
      for (Iterator<String> it = requester.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (name.equals("agent") || name.equals("onBehalfOf")) {
          out.add("Task.requester." + name);
        }
      }
    }
    return out;
  }
}
