package dev.taskcheck;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.Result;
import dev.taskcheck.testdata.mutation.Mutation;
import dev.taskcheck.testdata.mutation.Mutator;
import dev.taskcheck.testdata.mutation.Release;
import dev.taskcheck.testdata.mutation.Seed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fast engine on Tasks claiming a profile of a loaded IG package (issue 16's snapshot cache,
 * issue 12's "the same compiler runs on users' IG packages"): once the reference engine has cached
 * the packages' snapshots, engine {@code auto} checks a Task that conforms to the claimed profile
 * with the fast engine, and leaves every other one to the reference engine. Either way the findings
 * are the reference engine's: compared as (rule id, severity, expression, line, column) over the
 * real DSF Tasks, hand-made variants of them, and seeded mutants of their JSON form.
 */
class IgFastPathTest {

  private static final Path PACKAGES = TestData.path("ig-packages");
  private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

  /** Built first: loading the packages generates their snapshots and writes the cache entry. */
  private static final TaskCheck REFERENCE = withDsf("reference");

  private static TaskCheck auto;

  private static TaskCheck withDsf(String engine) {
    return TaskCheck.builder()
        .now(NOW)
        .engine(engine)
        .ig(PACKAGES.resolve("dsf-process-ping-pong").toString())
        .ig(PACKAGES.resolve("dsf-base-v1").toString())
        .build();
  }

  @BeforeAll
  static void warmCache() {
    // the cache entry exists now (REFERENCE loaded the packages): this one finds it warm
    auto = withDsf("auto");
  }

  private static String example(String name) throws IOException {
    return Files.readString(PACKAGES.resolve("examples").resolve(name), StandardCharsets.UTF_8);
  }

  /** What the fast-engine issue compares: rule id, severity, expression, line and column. */
  private static List<String> keys(List<Issue> issues) {
    return new ArrayList<>(
        new TreeSet<>(
            issues.stream()
                .map(
                    i ->
                        i.ruleId()
                            + " "
                            + i.severity().code()
                            + " "
                            + i.expression()
                            + " "
                            + i.line()
                            + ":"
                            + i.column())
                .toList()));
  }

  /** Checks one document with both; returns the engine that checked it under {@code auto}. */
  private static String compare(String name, String text, String fileName) {
    List<Result> fromAuto = auto.validateText(text, fileName);
    List<Result> fromReference = REFERENCE.validateText(text, fileName);
    assertThat(fromAuto).as(name).hasSameSizeAs(fromReference);
    for (int i = 0; i < fromAuto.size(); i++) {
      assertThat(keys(fromAuto.get(i).issues()))
          .as(name + " (checked by " + fromAuto.get(i).engine() + ")")
          .isEqualTo(keys(fromReference.get(i).issues()));
    }
    return fromAuto.isEmpty() ? "none" : String.valueOf(fromAuto.get(0).engine());
  }

  @Test
  void realDsfTasksThatConformAreCheckedByTheFastEngineWithTheReferenceFindings()
      throws IOException {
    Map<String, String> engines = new LinkedHashMap<>();
    for (String name :
        List.of(
            "dsf-task-start-ping.xml",
            "dsf-task-start-ping-autostart.xml",
            "dsf-task-stop-ping-autostart.xml")) {
      engines.put(name, compare(name, example(name), name));
    }
    assertThat(engines)
        .containsEntry("dsf-task-start-ping.xml", Result.ENGINE_FAST)
        .containsEntry("dsf-task-stop-ping-autostart.xml", Result.ENGINE_FAST)
        // with an invariant of the profile on an input's value (timer-interval-regex)
        .containsEntry("dsf-task-start-ping-autostart.xml", Result.ENGINE_FAST);
  }

  /**
   * With the packages loaded, their code systems and extensions are known to the reference engine
   * whatever the Task claims: the fast engine knows the code systems too, and leaves a Task with
   * one of their extensions to the reference engine (it used to call both unknown).
   */
  @Test
  void thePackagesCodeSystemsAndExtensionsAreKnownWithoutAProfileClaimed() {
    String codes =
        "{\"resourceType\":\"Task\",\"status\":\"draft\",\"intent\":\"order\","
            + "\"input\":[{\"type\":{\"coding\":[{\"system\":"
            + "\"http://dsf.dev/fhir/CodeSystem/bpmn-message\",\"code\":\"message-name\"}]},"
            + "\"valueString\":\"startPing\"}]}";
    assertThat(compare("a code of the package's code system", codes, "task.json"))
        .isEqualTo(Result.ENGINE_FAST);
    String packageExtension =
        "{\"resourceType\":\"Task\",\"status\":\"draft\",\"intent\":\"order\","
            + "\"extension\":[{\"url\":"
            + "\"http://dsf.dev/fhir/StructureDefinition/extension-ping-status\","
            + "\"valueString\":\"x\"}]}";
    assertThat(compare("an extension the package defines", packageExtension, "task.json"))
        .isEqualTo(Result.ENGINE_REFERENCE);
    String unknownExtension =
        packageExtension.replace(
            "http://dsf.dev/fhir/StructureDefinition/extension-ping-status",
            "http://example.org/unknown");
    assertThat(compare("an unknown extension", unknownExtension, "task.json"))
        .isEqualTo(Result.ENGINE_FAST);
  }

  /** Hand-made variants of the start-ping Task: some still conform, most do not. */
  private static Map<String, UnaryOperator<String>> variants() {
    Map<String, UnaryOperator<String>> v = new LinkedHashMap<>();
    String narrative =
        "<text><status value=\"generated\"/><div xmlns=\"http://www.w3.org/1999/xhtml\">Start"
            + " ping</div></text>";
    String packageExtension =
        "\t<extension url=\"http://dsf.dev/fhir/StructureDefinition/extension-ping-status\">"
            + "<valueString value=\"x\"/></extension>\n";
    String otherExtension =
        "\t<extension url=\"http://example.org/unknown\"><valueString value=\"x\"/></extension>\n";
    // no profile claimed: the package's extension is known to the reference engine (which checks it
    // against its definition), an unknown one is only noted by both
    v.put(
        "no profile, an extension the package defines",
        t ->
            t.replaceAll("(?s)\\s*<meta>.*?</meta>", "")
                .replace("\t<identifier>", packageExtension + "\t<identifier>"));
    v.put(
        "no profile, an unknown extension",
        t ->
            t.replaceAll("(?s)\\s*<meta>.*?</meta>", "")
                .replace("\t<identifier>", otherExtension + "\t<identifier>"));
    v.put("no profile claimed", t -> t.replaceAll("(?s)\\s*<meta>.*?</meta>", ""));
    v.put(
        "with a narrative",
        t -> t.replace("\t<identifier>", "\t" + narrative + "\n\t<identifier>"));
    v.put(
        "another identifier value", t -> t.replace("task-start-ping\"/>", "task-start-ping-2\"/>"));
    v.put("another authoredOn", t -> t.replace("2023-09-12", "2024-01-31"));
    v.put("status requested", t -> t.replace("\"draft\"", "\"requested\""));
    v.put(
        "status in-progress without a business key",
        t -> t.replace("\"draft\"", "\"in-progress\""));
    v.put("the message name changed", t -> t.replace("\"startPing\"", "\"startPong\""));
    v.put("profile version 0.9", t -> t.replace("task-start-ping|1.0", "task-start-ping|0.9"));
    v.put("profile without version", t -> t.replace("task-start-ping|1.0", "task-start-ping"));
    v.put(
        "message input twice",
        t -> t.replace(messageInput(t), messageInput(t) + "\n" + messageInput(t)));
    v.put("message input dropped", t -> t.replace(messageInput(t), ""));
    v.put(
        "an input code the code system lacks",
        t -> t.replace("\"target-endpoints\"", "\"target-endpoint-typo\""));
    v.put(
        "instantiatesCanonical dropped",
        t -> t.replaceAll("\\s*<instantiatesCanonical[^>]*/>", ""));
    v.put("intent plan", t -> t.replace("<intent value=\"order\"/>", "<intent value=\"plan\"/>"));
    v.put("authoredOn dropped", t -> t.replaceAll("\\s*<authoredOn[^>]*/>", ""));
    v.put("another process", t -> t.replace("Process/ping|1.0", "Process/pong|1.0"));
    v.put("requester dropped", t -> t.replaceAll("(?s)\\s*<requester>.*?</requester>", ""));
    v.put("restriction dropped", t -> t.replaceAll("(?s)\\s*<restriction>.*?</restriction>", ""));
    v.put(
        "a misspelt code system",
        t -> t.replace("CodeSystem/bpmn-message\"", "CodeSystem/bpmn-mesage\""));
    v.put(
        "requester by reference",
        t -> t.replace("<type value=\"Organization\"/>", "<reference value=\"Organization/1\"/>"));
    v.put(
        "requester of type Patient",
        t -> t.replaceFirst("<type value=\"Organization\"/>", "<type value=\"Patient\"/>"));
    v.put(
        "a display on the message coding",
        t ->
            t.replace(
                "<code value=\"message-name\"/>",
                "<code value=\"message-name\"/><display value=\"Message name\"/>"));
    v.put(
        "the value an integer",
        t -> t.replace("<valueString value=\"startPing\"/>", "<valueInteger value=\"1\"/>"));
    v.put(
        "an extension on the Task",
        t ->
            t.replace(
                "\t<identifier>",
                "\t<extension url=\"http://example.org/x\"><valueString value=\"x\"/></extension>\n\t<identifier>"));
    v.put(
        "a second coding on the message type",
        t ->
            t.replace(
                "<code value=\"message-name\"/>\n\t\t\t</coding>",
                "<code value=\"message-name\"/>\n\t\t\t</coding><coding><system value=\"http://example.org\"/><code value=\"x\"/></coding>"));
    v.put("a bad date", t -> t.replace("2023-09-12", "2023-13-12"));
    return v;
  }

  private static String messageInput(String text) {
    int start = text.indexOf("\t<input>");
    return text.substring(start, text.indexOf("\t</input>", start) + "\t</input>".length());
  }

  @Test
  void variantsAndSeededMutantsGetTheReferenceFindingsWhicheverEngineChecksThem()
      throws IOException {
    Map<String, Integer> byEngine = new LinkedHashMap<>();
    String startPing = example("dsf-task-start-ping.xml");
    for (Map.Entry<String, UnaryOperator<String>> v : variants().entrySet()) {
      String mutated = v.getValue().apply(startPing);
      assertThat(mutated).as(v.getKey() + " changes the Task").isNotEqualTo(startPing);
      byEngine.merge("variant " + compare(v.getKey(), mutated, "task.xml"), 1, Integer::sum);
    }
    String autostart = example("dsf-task-start-ping-autostart.xml");
    for (String interval : List.of("PT1H30M", "P1D", "24 hours", "PT", "")) {
      String mutated = autostart.replace("\"PT24H\"", "\"" + interval + "\"");
      assertThat(mutated).isNotEqualTo(autostart);
      byEngine.merge(
          "variant " + compare("timer interval " + interval, mutated, "task.xml"), 1, Integer::sum);
    }
    FhirContext r4 = FhirContext.forR4();
    Mutator mutator = new Mutator();
    int mutants = 0;
    for (String name :
        List.of(
            "dsf-task-start-ping.xml",
            "dsf-task-start-ping-autostart.xml",
            "dsf-task-stop-ping-autostart.xml")) {
      String json =
          r4.newJsonParser()
              .setPrettyPrint(true)
              .encodeResourceToString(r4.newXmlParser().parseResource(example(name)));
      Seed seed = new Seed(name.replace(".xml", ".json"), Release.R4, "Apache-2.0", "dsf", json);
      byEngine.merge("json " + compare(name + " as JSON", json, "task.json"), 1, Integer::sum);
      for (long n = 0; n < MUTANTS_PER_SEED; n++) {
        Optional<Mutation> m = mutator.mutate(seed, n);
        if (m.isEmpty() || m.get().syntax()) {
          continue;
        }
        mutants++;
        String label = name + " mutant " + n + ": " + m.get().description();
        byEngine.merge("mutant " + compare(label, m.get().text(), "task.json"), 1, Integer::sum);
      }
    }
    assertThat(mutants).isGreaterThan(MUTANTS_PER_SEED);
    // the fast engine covers some: the conforming variants and JSON forms at least
    assertThat(byEngine.getOrDefault("variant " + Result.ENGINE_FAST, 0)).isGreaterThanOrEqualTo(4);
    assertThat(byEngine.getOrDefault("json " + Result.ENGINE_FAST, 0)).isEqualTo(3);
    System.out.println("IG fast path, documents by engine: " + byEngine);
  }

  /** Mutants per seed: 150 in every build; {@code -Dtaskcheck.igMutants=N} for a longer run. */
  private static final int MUTANTS_PER_SEED = Integer.getInteger("taskcheck.igMutants", 150);
}
