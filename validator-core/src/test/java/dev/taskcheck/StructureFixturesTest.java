package dev.taskcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.Report;
import dev.taskcheck.model.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The structure fixtures of {@code testdata/fixtures/structure}: each gives exactly its expected
 * findings, the whole pipeline's (structure, profile, rules), so what the rules add to a structure
 * defect shows.
 */
class StructureFixturesTest {

  private static final Path DIR = TestData.path("fixtures/structure");

  static Stream<Arguments> cases() throws IOException {
    JsonNode manifest = new ObjectMapper().readTree(DIR.resolve("cases.json").toFile());
    List<Arguments> out = new ArrayList<>();
    for (JsonNode c : manifest.get("cases")) {
      Set<String> expected = new TreeSet<>();
      for (JsonNode e : c.get("expect")) {
        expected.add(
            e.get("ruleId").asText()
                + " "
                + e.get("severity").asText()
                + " "
                + e.get("expression").asText());
      }
      out.add(Arguments.of(c.get("file").asText(), c.get("fhirVersion").asText(), expected));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} ({1})")
  @MethodSource("cases")
  void givesExactlyItsFindings(String file, String fhirVersion, Set<String> expected) {
    TaskCheck taskCheck = TaskCheck.builder().fhirVersion(fhirVersion).build();
    Report report = taskCheck.validate(ValidationRequest.of(DIR.resolve(file).toString()));
    Set<String> actual = new TreeSet<>();
    for (Result r : report.results()) {
      assertThat(r.fhirVersion()).isEqualTo(FhirRelease.parse(fhirVersion));
      for (Issue i : r.issues()) {
        actual.add(i.ruleId() + " " + i.severity().code() + " " + i.expression());
        assertThat(i.line()).as("every finding has a line: %s", i).isNotNull().isPositive();
        assertThat(i.column()).isNotNull().isPositive();
      }
    }
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void everyFixtureFileIsACase() throws IOException {
    Set<String> listed = new TreeSet<>();
    cases().forEach(a -> listed.add((String) a.get()[0]));
    Set<String> present = new TreeSet<>();
    try (Stream<Path> s = Files.list(DIR)) {
      s.map(p -> p.getFileName().toString())
          .filter(n -> !n.equals("cases.json"))
          .forEach(present::add);
    }
    assertThat(listed).isEqualTo(present);
  }

  @Test
  void everyStructureIdHasAFixture() throws IOException {
    Set<String> covered = new TreeSet<>();
    cases()
        .forEach(
            a -> {
              @SuppressWarnings("unchecked")
              Set<String> e = (Set<String>) a.get()[2];
              e.forEach(s -> covered.add(s.substring(0, s.indexOf(' '))));
            });
    assertThat(covered)
        .contains(
            "structure-unknown-element",
            "structure-type",
            "structure-cardinality",
            "structure-binding",
            "structure-reference",
            "structure-other",
            "rat-1",
            "qty-3",
            // the fixtures that used to give the base inv-1 and per-1 now give the rules that
            // replace them
            "date-1",
            "date-2");
    assertThat(covered).doesNotContain("inv-1", "per-1");
  }
}
