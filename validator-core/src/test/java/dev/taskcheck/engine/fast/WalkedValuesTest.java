package dev.taskcheck.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.TestData;
import dev.taskcheck.engine.DocumentProcessor;
import dev.taskcheck.engine.Stage;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.source.RawDocument;
import dev.taskcheck.testdata.TaskGenerator;
import dev.taskcheck.testdata.mutation.Mutant;
import dev.taskcheck.testdata.mutation.MutationCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fast engine's table of walked values ({@link WalkedValues}) changes no finding: each document
 * gets, from an engine that has walked many others before (twice over), exactly the findings (rule,
 * severity, expression, line, column, message, message id) a new engine gives it; and the table is
 * used, findings made again included.
 */
class WalkedValuesTest {

  /** The raw findings of one document from the fast engine, or why it does not cover it. */
  private static List<String> findings(FastEngine engine, String name, String text) {
    List<String> found = new ArrayList<>();
    Stage stage =
        new RecordingStage(
            engine,
            i ->
                found.add(
                    i.ruleId()
                        + " "
                        + i.severity()
                        + " "
                        + i.expression()
                        + " "
                        + i.line()
                        + ":"
                        + i.column()
                        + " "
                        + i.messageId()
                        + " "
                        + i.message()),
            reason -> found.add("not covered: " + reason));
    new DocumentProcessor(List.of(stage), null, t -> {})
        .process(new RawDocument(name, 1, text.getBytes(StandardCharsets.UTF_8), false));
    return found;
  }

  /** Real Tasks of testdata, the benchmark's generated ones, and mutants of the real ones. */
  private static Map<String, String> documents() throws IOException {
    Map<String, String> docs = new LinkedHashMap<>();
    for (String folder : List.of("samples", "corpus", "fixtures/structure")) {
      try (Stream<Path> files = Files.walk(TestData.root().resolve(folder))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
          String text = Files.readString(f, StandardCharsets.UTF_8);
          if (text.contains("\"Task\"")) {
            docs.put(TestData.root().relativize(f).toString(), text);
          }
        }
      }
    }
    TaskGenerator generator = new TaskGenerator(7);
    for (int n = 1; n <= 300; n++) {
      docs.put("generated-" + n, generator.plannedTask(n, 0.4));
    }
    try (Stream<Mutant> s = MutationCorpus.of(TestData.root()).stream(1, 400)) {
      s.forEach(m -> docs.put("mutant-" + m.number(), m.text()));
    }
    return docs;
  }

  @Test
  void anEngineThatWalkedOtherDocumentsFindsWhatANewOneFinds() throws IOException {
    Map<String, String> docs = documents();
    FastEngine warm = new FastEngine(true);
    Map<String, List<String>> firstPass = new LinkedHashMap<>();
    for (Map.Entry<String, String> d : docs.entrySet()) {
      firstPass.put(d.getKey(), findings(warm, d.getKey(), d.getValue()));
    }
    int compared = 0;
    for (Map.Entry<String, String> d : docs.entrySet()) {
      List<String> fresh = findings(new FastEngine(true), d.getKey(), d.getValue());
      assertThat(firstPass.get(d.getKey())).as(d.getKey()).isEqualTo(fresh);
      assertThat(findings(warm, d.getKey(), d.getValue())).as(d.getKey()).isEqualTo(fresh);
      compared++;
    }
    assertThat(compared).isGreaterThan(900);
    // the documents are checked on this thread: its tables were used
    long hits = 0;
    for (FhirRelease r : List.of(FhirRelease.R4, FhirRelease.R4B, FhirRelease.R5)) {
      hits += warm.engine(r).walkedValues().hits();
    }
    assertThat(hits).isGreaterThan(5_000);
  }

  /** A Task with a progress output whose units are UCUM annotations (a warning each). */
  private static String task(String id, String outputs) {
    return "{\"resourceType\":\"Task\",\"id\":\""
        + id
        + "\",\"status\":\"in-progress\",\"intent\":\"order\",\"output\":["
        + outputs
        + "]}";
  }

  private static final String PROGRESS =
      "{\"type\":{\"text\":\"sessions done\"},\"valueRatio\":{\"numerator\":{\"value\":1,"
          + "\"system\":\"http://unitsofmeasure.org\",\"code\":\"{session}\"},\"denominator\":"
          + "{\"value\":3,\"system\":\"http://unitsofmeasure.org\",\"code\":\"{session}\"}}}";

  private static final String OTHER = "{\"type\":{\"text\":\"note\"},\"valueString\":\"x\"}";

  @Test
  void findingsOfAValueWalkedBeforeAreMadeAgainAtItsNewPlace() {
    FastEngine engine = new FastEngine(true);
    WalkedValues table = engine.engine(FhirRelease.R4).walkedValues();
    // a value is kept the second time it is walked
    findings(engine, "a.json", task("a", PROGRESS));
    List<String> first = findings(engine, "a.json", task("a", PROGRESS));
    long before = table.hits();
    String text = task("b", OTHER + ",\n" + PROGRESS);
    List<String> second = findings(engine, "b.json", text);
    assertThat(table.hits()).as("the output was found in the table").isGreaterThan(before);
    assertThat(second).isEqualTo(findings(new FastEngine(true), "b.json", text));
    // the warnings about the annotations, now at the second output, on the second line
    assertThat(first).anyMatch(f -> f.contains(" Task.output[0].value.ofType(Ratio).numerator 1:"));
    assertThat(second)
        .anyMatch(f -> f.contains(" Task.output[1].value.ofType(Ratio).numerator 2:"));
    assertThat(second).noneMatch(f -> f.contains("Task.output[0].value"));
  }

  /**
   * A value walked where its path has no choice element, with a finding named as the parser names
   * paths, is walked again under a choice element ({@code value[x]}), where the two names differ.
   */
  @Test
  void aFindingKeptWithoutAChoiceIsNotPlacedUnderOne() {
    FastEngine engine = new FastEngine(true);
    String coding = "{\"coding\":[{\"system\":\"http://example.org/cs\",\"code\":5}]}";
    for (int i = 0; i < 2; i++) {
      findings(
          engine,
          "a.json",
          "{\"resourceType\":\"Task\",\"status\":\"draft\",\"intent\":\"order\",\"code\":"
              + coding
              + "}");
    }
    String text =
        "{\"resourceType\":\"Task\",\"status\":\"draft\",\"intent\":\"order\",\"input\":[{\"type\":"
            + coding
            + ",\"valueCodeableConcept\":"
            + coding
            + "}]}";
    List<String> second = findings(engine, "b.json", text);
    assertThat(second).isEqualTo(findings(new FastEngine(true), "b.json", text));
    assertThat(second).anyMatch(f -> f.contains("Task.input[0].value[x].coding[0].code"));
  }

  @Test
  void contentDecidesTheHashAndTheComparison() {
    Map<String, String> docs = new LinkedHashMap<>();
    docs.put("a", "{\"resourceType\":\"Task\",\"code\":{\"text\":\"x\"}}");
    docs.put("b", "{\"resourceType\":\"Task\",\"code\":{\"text\":\"x\"}}");
    docs.put("c", "{\"resourceType\":\"Task\",\"code\":{\"text\":\"y\"}}");
    docs.put("d", "{\"resourceType\":\"Task\",\"code\":{\"text\":[\"x\"]}}");
    docs.put("e", "{\"resourceType\":\"Task\",\"code\":{\"text\":\"x\",\"coding\":[]}}");
    docs.put("f", "{\"resourceType\":\"Task\",\"code\":{\"text\":\"x\",\"coding\":[]}}");
    Map<String, dev.taskcheck.parse.Node> code = new LinkedHashMap<>();
    docs.forEach(
        (k, v) -> {
          dev.taskcheck.parse.Node root =
              ((dev.taskcheck.parse.ParsedDocument)
                      dev.taskcheck.parse.DocumentParser.parseText(v, 1))
                  .root();
          code.put(k, java.util.Objects.requireNonNull(root.child("code")));
        });
    WalkedValues table = new WalkedValues();
    assertThat(table.hash(code.get("a"))).isEqualTo(table.hash(code.get("b")));
    assertThat(WalkedValues.sameContent(code.get("a"), code.get("b"))).isTrue();
    assertThat(WalkedValues.sameContent(code.get("a"), code.get("c"))).isFalse();
    assertThat(WalkedValues.sameContent(code.get("a"), code.get("d"))).isFalse();
    // an empty array is a parser note the content does not show: never kept
    assertThat(table.hash(code.get("e"))).isEqualTo(WalkedValues.NOT_KEPT);
    // and two such values are not the same content, though they read alike
    assertThat(WalkedValues.sameContent(code.get("e"), code.get("f"))).isFalse();
    // a value's hash is its node's, kept there: the same on a second asking
    assertThat(table.hash(code.get("c"))).isEqualTo(table.hash(code.get("c")));
    assertThat(table.hash(code.get("a"))).isNotEqualTo(table.hash(code.get("c")));
    // nor is a value bigger than MAX_CONTENT kept, however often it comes
    FastEngine engine = new FastEngine(true);
    WalkedValues r4 = engine.engine(FhirRelease.R4).walkedValues();
    for (int size : new int[] {WalkedValues.MAX_CONTENT, 100}) {
      String text =
          "{\"resourceType\":\"Task\",\"status\":\"draft\",\"intent\":\"order\",\"code\":"
              + "{\"text\":\""
              + "x".repeat(size)
              + "\"}}";
      long before = r4.hits();
      for (int i = 0; i < 3; i++) {
        findings(engine, "big.json", text);
      }
      assertThat(r4.hits() - before)
          .as("values of %s characters found", size)
          .isEqualTo(size == 100 ? 1 : 0);
    }
    assertThat(table.hash(code.get("a"))).isNotEqualTo(WalkedValues.NOT_KEPT);
  }
}
