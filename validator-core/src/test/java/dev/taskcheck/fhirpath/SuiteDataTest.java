package dev.taskcheck.fhirpath;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskcheck.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * testdata/fhirpath holds unchanged third-party files, each listed in its _provenance.json with its
 * hash.
 */
class SuiteDataTest {

  @Test
  void everyFileIsListedUnchangedWithItsSource() throws IOException, NoSuchAlgorithmException {
    Path folder = TestData.path("fhirpath");
    JsonNode provenance = new ObjectMapper().readTree(folder.resolve("_provenance.json").toFile());
    Set<String> listed = new TreeSet<>();
    for (JsonNode e : provenance) {
      String file = e.get("file").asText();
      listed.add(file);
      assertThat(e.get("repo").asText()).isEqualTo("FHIR/fhir-test-cases");
      assertThat(e.get("commit").asText()).matches("[0-9a-f]{40}");
      assertThat(e.get("license").asText()).isEqualTo("Apache-2.0");
      byte[] bytes = Files.readAllBytes(folder.resolve(file));
      String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      assertThat(sha).as("%s is unchanged", file).isEqualTo(e.get("sha256").asText());
    }
    Set<String> present = new TreeSet<>();
    try (Stream<Path> s = Files.walk(folder)) {
      s.filter(Files::isRegularFile)
          .map(p -> folder.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !p.equals("_provenance.json"))
          .forEach(present::add);
    }
    assertThat(present).containsExactlyElementsOf(listed);
    assertThat(listed)
        .contains("r4/tests-fhir-r4.xml", "r5/tests-fhir-r5.xml", "r5/patient-example.xml");
  }
}
