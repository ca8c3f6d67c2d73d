package dev.taskcheck.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The quick-start samples: documented, and each showing what its README line says. */
class SamplesTest {

  private static final Map<String, String> COPIES =
      Map.of(
          "spec-r4-Task-example1.json", "spec-r4/Task-example1.json",
          "spec-r4-Task-example6.json", "spec-r4/Task-example6.json",
          "spec-r5-Task-example2.json", "spec-r5/Task-example2.json",
          "davinci-pcde-task-requested.xml", "ig/davinci-pcde/task-requested.xml");
  private static final Set<String> HAND_WRITTEN =
      Set.of(
          "bundle-cardiology-workup.json",
          "tasks-physiotherapy-course.ndjson",
          "broken-status-done.json",
          "broken-misspelled-element.json",
          "broken-requester-wrong-type.json");

  private static Path samples() {
    return TestData.root().resolve("samples");
  }

  private static List<String> sampleFiles() {
    List<String> files = new ArrayList<>(TestData.files(samples()));
    files.remove("README.md");
    return files;
  }

  @Test
  void everySampleIsInTheReadmeAndEveryReadmeFileExists() {
    String readme = TestData.text(samples().resolve("README.md"));
    Set<String> documented = Documents.backtickedFileNames(readme);
    assertThat(sampleFiles()).allSatisfy(f -> assertThat(readme).contains("| `" + f + "` |"));
    assertThat(new TreeSet<>(sampleFiles())).containsExactlyInAnyOrderElementsOf(documented);
    assertThat(sampleFiles()).hasSizeBetween(8, 12);
  }

  @Test
  void everySampleIsEitherACorpusCopyOrOurOwn() {
    Set<String> expected = new TreeSet<>(COPIES.keySet());
    expected.addAll(HAND_WRITTEN);
    assertThat(new TreeSet<>(sampleFiles())).containsExactlyElementsOf(expected);
    COPIES.forEach(
        (sample, original) ->
            assertThat(TestData.bytes(samples().resolve(sample)))
                .as(sample)
                .isEqualTo(TestData.bytes(TestData.corpus().resolve(original))));
    assertThat(CorpusIntegrityTest.index()).containsKeys(COPIES.values().toArray(new String[0]));
  }

  @Test
  void copiedSamplesCoverR4R5AndXml() throws Exception {
    assertThat(task("spec-r4-Task-example1.json").get("resourceType")).isEqualTo("Task");
    assertThat(task("spec-r5-Task-example2.json")).containsKey("requestedPerformer");
    Document xml =
        Documents.parseXml(TestData.bytes(samples().resolve("davinci-pcde-task-requested.xml")));
    assertThat(xml.getDocumentElement().getLocalName()).isEqualTo("Task");
    assertThat(xml.getDocumentElement().getNamespaceURI()).isEqualTo("http://hl7.org/fhir");
  }

  @Test
  void bundleHoldsThreeTasksAndThePatientTheyReference() {
    Map<String, Object> bundle = task("bundle-cardiology-workup.json");
    assertThat(bundle.get("resourceType")).isEqualTo("Bundle");
    assertThat(bundle.get("type")).isIn("collection", "searchset");
    List<String> types = new ArrayList<>();
    for (Object e : (List<?>) bundle.get("entry")) {
      Map<?, ?> entry = (Map<?, ?>) e;
      Map<?, ?> resource = (Map<?, ?>) entry.get("resource");
      types.add((String) resource.get("resourceType"));
      assertThat((String) entry.get("fullUrl"))
          .endsWith(resource.get("resourceType") + "/" + resource.get("id"));
      if ("Task".equals(resource.get("resourceType"))) {
        assertCleanHandWrittenTask(resource);
        assertThat(((Map<?, ?>) resource.get("for")).get("reference"))
            .isEqualTo("Patient/pat-4711");
      }
    }
    assertThat(types).containsExactly("Patient", "Task", "Task", "Task");
  }

  @Test
  void ndjsonHasFiveTasksOnePerLine() {
    List<String> lines =
        TestData.text(samples().resolve("tasks-physiotherapy-course.ndjson")).lines().toList();
    assertThat(lines).hasSize(5);
    Set<String> statuses = new TreeSet<>();
    for (String line : lines) {
      TaskGeneratorTest.assertStructurallySingleLineObject(line);
      Map<String, Object> task = MiniJson.object(line);
      assertThat(task.get("resourceType")).isEqualTo("Task");
      assertCleanHandWrittenTask(task);
      statuses.add((String) task.get("status"));
    }
    assertThat(statuses).hasSize(5);
    assertThat(TestData.text(samples().resolve("tasks-physiotherapy-course.ndjson")))
        .contains("\"code\":\"{session}\"", "\"system\":\"http://unitsofmeasure.org\"");
  }

  @Test
  void brokenSamplesHaveTheirOneDefect() {
    Map<String, Object> done = task("broken-status-done.json");
    assertThat(done.get("status")).isEqualTo("done");
    assertThat(done).containsKey("intent").containsKey("text");

    Map<String, Object> misspelled = task("broken-misspelled-element.json");
    assertThat(misspelled).containsKey("exectionPeriod").doesNotContainKey("executionPeriod");
    assertCleanHandWrittenTask(misspelled);

    Map<String, Object> wrongType = task("broken-requester-wrong-type.json");
    assertThat(((Map<?, ?>) wrongType.get("requester")).get("reference"))
        .isEqualTo("Medication/med-amoxicillin-500");
    assertCleanHandWrittenTask(wrongType);
  }

  private static Map<String, Object> task(String file) {
    return MiniJson.object(TestData.text(samples().resolve(file)));
  }

  /** Status and intent valid R4 codes, a generated XHTML narrative (so dom-6 is quiet). */
  private static void assertCleanHandWrittenTask(Map<?, ?> task) {
    assertThat(Set.of(TaskGenerator.STATUSES)).contains((String) task.get("status"));
    assertThat(task.get("intent")).isEqualTo("order");
    Map<?, ?> text = (Map<?, ?>) task.get("text");
    assertThat(text.get("status")).isEqualTo("generated");
    assertThat((String) text.get("div")).startsWith("<div xmlns=\"http://www.w3.org/1999/xhtml\">");
  }
}
