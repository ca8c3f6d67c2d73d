package dev.taskcheck.report;

import static dev.taskcheck.report.ReportFixtures.render;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskcheck.model.Result;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperationOutcomeWriterTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final RenderOptions OPTIONS = RenderOptions.defaults();
  private static final String TC = "https://taskcheck.dev/fhir/StructureDefinition/";
  private static final String HL7 = "http://hl7.org/fhir/StructureDefinition/";

  private static JsonNode write(List<Result> results) throws IOException {
    return MAPPER.readTree(
        render(OutputFormat.OPERATIONOUTCOME, ReportFixtures.report(results), OPTIONS));
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  /** The extension urls of {@code node}, in order. */
  private static List<String> extensionUrls(JsonNode node) {
    List<String> urls = new ArrayList<>();
    for (JsonNode e : node.path("extension")) {
      urls.add(e.get("url").asText());
    }
    return urls;
  }

  private static JsonNode extension(JsonNode node, String url) {
    for (JsonNode e : node.path("extension")) {
      if (e.get("url").asText().equals(url)) {
        return e;
      }
    }
    throw new AssertionError("no extension " + url + " in " + node);
  }

  /** Fails on anything FHIR JSON forbids: null, empty strings, empty arrays, empty objects. */
  private static void assertValidFhirJson(JsonNode node, String path) {
    assertThat(node.isNull()).as(path + " is null").isFalse();
    if (node.isTextual()) {
      assertThat(node.asText()).as(path + " is an empty string").isNotBlank();
    }
    if (node.isContainerNode()) {
      assertThat(node.size()).as(path + " is empty").isPositive();
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        assertValidFhirJson(node.get(i), path + "[" + i + "]");
      }
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      assertValidFhirJson(e.getValue(), path + "." + e.getKey());
    }
  }

  @Test
  void oneResultIsASingleOperationOutcome() throws IOException {
    JsonNode oo = write(List.of(ReportFixtures.WITH_ISSUES));

    assertValidFhirJson(oo, "OperationOutcome");
    assertThat(keys(oo)).containsExactly("resourceType", "extension", "issue");
    assertThat(oo.get("resourceType").asText()).isEqualTo("OperationOutcome");
    assertThat(extensionUrls(oo))
        .containsExactly(
            TC + "validated-source",
            TC + "validated-resource",
            TC + "validated-fhir-version",
            TC + "validated-engine");
    assertThat(extension(oo, TC + "validated-source").get("valueString").asText())
        .isEqualTo("samples/task-1.json");
    assertThat(extension(oo, TC + "validated-resource").get("valueString").asText())
        .isEqualTo("Task/abc");
    assertThat(extension(oo, TC + "validated-fhir-version").get("valueCode").asText())
        .isEqualTo("R4");
    assertThat(extension(oo, TC + "validated-engine").get("valueCode").asText())
        .isEqualTo("reference");

    assertThat(oo.get("issue").size()).isEqualTo(2);
    JsonNode binding = oo.at("/issue/0");
    assertThat(keys(binding))
        .containsExactly("extension", "severity", "code", "details", "diagnostics", "expression");
    assertThat(extensionUrls(binding))
        .containsExactly(
            HL7 + "operationoutcome-issue-line",
            HL7 + "operationoutcome-issue-col",
            HL7 + "operationoutcome-message-id",
            HL7 + "operationoutcome-issue-source");
    assertThat(extension(binding, HL7 + "operationoutcome-issue-line").get("valueInteger").asInt())
        .isEqualTo(5);
    assertThat(extension(binding, HL7 + "operationoutcome-issue-col").get("valueInteger").asInt())
        .isEqualTo(13);
    assertThat(extension(binding, HL7 + "operationoutcome-message-id").get("valueString").asText())
        .isEqualTo("structure-binding");
    assertThat(
            extension(binding, HL7 + "operationoutcome-issue-source").get("valueString").asText())
        .isEqualTo("structure");
    assertThat(binding.get("severity").asText()).isEqualTo("error");
    assertThat(binding.get("code").asText()).isEqualTo("code-invalid");
    assertThat(binding.at("/details/coding/0/system").asText())
        .isEqualTo("https://taskcheck.dev/fhir/CodeSystem/rule");
    assertThat(binding.at("/details/coding/0/code").asText()).isEqualTo("structure-binding");
    assertThat(binding.at("/details/text").asText()).isEqualTo(ReportFixtures.BINDING.message());
    assertThat(binding.get("diagnostics").asText()).contains("Terminology_TX_NoValid_16");
    assertThat(binding.get("expression").size()).isEqualTo(1);
    assertThat(binding.at("/expression/0").asText()).isEqualTo("Task.status");

    JsonNode intent = oo.at("/issue/1");
    assertThat(extensionUrls(intent))
        .containsExactly(
            HL7 + "operationoutcome-issue-line",
            HL7 + "operationoutcome-message-id",
            HL7 + "operationoutcome-issue-source");
    assertThat(intent.get("severity").asText()).isEqualTo("warning");
    assertThat(intent.has("diagnostics")).isFalse();
  }

  @Test
  void resultWithoutIssuesGetsAnInformationalIssue() throws IOException {
    JsonNode oo = write(List.of(ReportFixtures.CLEAN));

    assertValidFhirJson(oo, "OperationOutcome");
    assertThat(extension(oo, TC + "validated-fhir-version").get("valueCode").asText())
        .isEqualTo("R5");
    assertThat(oo.get("issue").size()).isEqualTo(1);
    JsonNode issue = oo.at("/issue/0");
    assertThat(keys(issue)).containsExactly("severity", "code", "details");
    assertThat(issue.get("severity").asText()).isEqualTo("information");
    assertThat(issue.get("code").asText()).isEqualTo("informational");
    assertThat(issue.at("/details/text").asText()).isNotBlank();
  }

  @Test
  void unparsedDocumentHasOnlyTheSourceAndNoExpression() throws IOException {
    JsonNode oo = write(List.of(ReportFixtures.UNPARSED));

    assertValidFhirJson(oo, "OperationOutcome");
    assertThat(extensionUrls(oo)).containsExactly(TC + "validated-source");
    JsonNode issue = oo.at("/issue/0");
    assertThat(issue.get("severity").asText()).isEqualTo("fatal");
    assertThat(issue.get("code").asText()).isEqualTo("structure");
    assertThat(issue.has("expression")).isFalse();
    assertThat(issue.has("diagnostics")).isFalse();
    assertThat(extensionUrls(issue))
        .containsExactly(
            HL7 + "operationoutcome-message-id", HL7 + "operationoutcome-issue-source");
    assertThat(extension(issue, HL7 + "operationoutcome-issue-source").get("valueString").asText())
        .isEqualTo("parser");
  }

  @Test
  void twoResultsAreABundleOfTwo() throws IOException {
    JsonNode bundle = write(List.of(ReportFixtures.WITH_ISSUES, ReportFixtures.IN_BUNDLE));

    assertValidFhirJson(bundle, "Bundle");
    assertThat(keys(bundle)).containsExactly("resourceType", "type", "timestamp", "entry");
    assertThat(bundle.get("resourceType").asText()).isEqualTo("Bundle");
    assertThat(bundle.get("type").asText()).isEqualTo("collection");
    assertThat(bundle.get("timestamp").asText()).isEqualTo(ReportFixtures.STARTED.toString());
    assertThat(bundle.get("entry").size()).isEqualTo(2);
    for (JsonNode entry : bundle.get("entry")) {
      assertThat(keys(entry)).containsExactly("resource");
      assertThat(entry.at("/resource/resourceType").asText()).isEqualTo("OperationOutcome");
    }
    JsonNode first = bundle.at("/entry/0/resource");
    assertThat(extension(first, TC + "validated-resource").get("valueString").asText())
        .isEqualTo("Task/abc");
    JsonNode second = bundle.at("/entry/1/resource");
    assertThat(extensionUrls(second))
        .containsExactly(
            TC + "validated-source",
            TC + "validated-resource",
            TC + "validated-location",
            TC + "validated-fhir-version",
            TC + "validated-engine");
    assertThat(extension(second, TC + "validated-location").get("valueString").asText())
        .isEqualTo("Bundle.entry[2].resource");
    assertThat(second.at("/issue/0/severity").asText()).isEqualTo("information");
    assertThat(second.at("/issue/0/expression/0").asText())
        .isEqualTo("Bundle.entry[2].resource.note[0]");
  }

  @Test
  void manyResultsKeepTheirOrderAndAreValidFhirJson() throws IOException {
    JsonNode bundle = write(ReportFixtures.RESULTS);

    assertValidFhirJson(bundle, "Bundle");
    assertThat(bundle.get("entry").size()).isEqualTo(4);
    List<String> sources = new ArrayList<>();
    for (JsonNode entry : bundle.get("entry")) {
      sources.add(
          extension(entry.get("resource"), TC + "validated-source").get("valueString").asText());
    }
    assertThat(sources)
        .containsExactly(
            "samples/task-1.json",
            "samples/task-2.json",
            "samples/broken.json",
            "samples/bundle.json");
  }

  @Test
  void zeroResultsAreABundleWithoutEntries() throws IOException {
    JsonNode bundle = write(List.of());

    assertValidFhirJson(bundle, "Bundle");
    assertThat(keys(bundle)).containsExactly("resourceType", "type", "timestamp");
    assertThat(bundle.get("type").asText()).isEqualTo("collection");
  }
}
