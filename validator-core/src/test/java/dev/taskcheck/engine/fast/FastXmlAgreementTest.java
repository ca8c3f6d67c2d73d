package dev.taskcheck.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import ca.uhn.fhir.parser.IParser;
import dev.taskcheck.TestData;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.testdata.TaskGenerator;
import dev.taskcheck.testdata.mutation.Mutant;
import dev.taskcheck.testdata.mutation.MutationCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Agreement of the fast engine with the reference engine on XML (issue 12): the generated Tasks,
 * the real JSON documents of testdata and a slice of the mutation corpus, each written as XML by
 * HAPI's parsers (which put the elements in the definitions' order and leave out what they cannot
 * read), then checked by both engines as XML. The XML probes (testdata/probes/xml) are in {@link
 * FastProbesTest}.
 */
class FastXmlAgreementTest {

  /** How many mutants are written as XML: {@code -Dtaskcheck.xmlMutants=N} runs more. */
  private static final int MUTANTS = Integer.getInteger("taskcheck.xmlMutants", 400);

  /** The generated Tasks the benchmark measures on, as XML: all covered, all agreeing. */
  @Test
  void generatedTasksAsXml() throws IOException {
    Differential d = new Differential();
    TaskGenerator generator = new TaskGenerator(42);
    List<Differential.Outcome> outcomes = new ArrayList<>();
    for (int n = 1; n <= 400; n++) {
      String json = generator.plannedTask(n, 0.4);
      String xml = asXml(json, FhirRelease.R4);
      if (xml != null) {
        outcomes.add(d.compare("generated-" + n + ".xml", xml, FhirRelease.R4));
      }
    }
    Differential.report("fast-agreement-generated-xml.txt", Differential.summary(outcomes));
    // HAPI's lenient parser fails on a few of the defective ones (28 today)
    assertThat(outcomes).hasSizeGreaterThan(350);
    assertThat(outcomes).allSatisfy(o -> assertThat(o.covered()).as(o.name()).isTrue());
    assertThat(outcomes).allSatisfy(o -> assertThat(o.agrees()).as(o.toString()).isTrue());
  }

  /**
   * The real documents and a slice of the mutants, as XML: a ratchet on coverage, no difference.
   */
  @Test
  void realDocumentsAndMutantsAsXml() throws IOException {
    Differential d = new Differential();
    List<Differential.Outcome> outcomes = new ArrayList<>();
    // the narrative probes too: the XHTML rules run on the markup the XML parser writes out again
    for (String folder : List.of("samples", "corpus", "fixtures/structure", "probes/narrative")) {
      try (Stream<Path> files = Files.walk(TestData.root().resolve(folder))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
          String text = Files.readString(f, StandardCharsets.UTF_8);
          if (!text.contains("\"Task\"")) {
            continue;
          }
          FhirRelease release = releaseOf(text);
          String xml = release == null ? null : asXml(text, release);
          if (xml != null) {
            outcomes.add(d.compare("as XML: " + TestData.root().relativize(f), xml, null));
          }
        }
      }
    }
    MutationCorpus corpus = MutationCorpus.of(TestData.root());
    try (Stream<Mutant> s = corpus.stream(1, MUTANTS)) {
      s.forEach(
          m -> {
            FhirRelease release = FhirRelease.parse(m.release().name());
            String xml = asXml(m.text(), release);
            if (xml != null) {
              outcomes.add(
                  d.compare(
                      "as XML: "
                          + m.fileName()
                          + " ["
                          + m.mutation().operator()
                          + "/"
                          + m.mutation().variant()
                          + "]",
                      xml,
                      release));
            }
          });
    }
    Differential.report("fast-agreement-xml.txt", Differential.summary(outcomes));
    long agreed = outcomes.stream().filter(o -> o.covered() && o.agrees()).count();
    long disagreed =
        outcomes.stream().filter(o -> o.covered() && !o.agrees() && !o.allowed()).count();
    // a ratchet: coverage may grow and disagreements shrink, never the other way
    assertThat(agreed).as("XML forms covered and agreed").isGreaterThanOrEqualTo(539);
    assertThat(disagreed).as("XML forms covered, not agreed").isLessThanOrEqualTo(0);
  }

  /** The release a JSON document's text names in its meta.profile or fhirVersion, else R4. */
  private static @Nullable FhirRelease releaseOf(String text) {
    if (text.contains("\"STU3\"") || text.contains("3.0.")) {
      return null;
    }
    return text.contains("/5.0/") || text.contains("\"5.0.0\"") ? FhirRelease.R5 : FhirRelease.R4;
  }

  /**
   * The document written as XML by HAPI, or null when HAPI cannot read it; what it cannot read in a
   * document it reads, it leaves out.
   */
  private static @Nullable String asXml(String json, FhirRelease release) {
    FhirContext ctx =
        switch (release) {
          case R4 -> FhirContext.forCached(FhirVersionEnum.R4);
          case R4B -> FhirContext.forCached(FhirVersionEnum.R4B);
          case R5 -> FhirContext.forCached(FhirVersionEnum.R5);
          default -> null;
        };
    if (ctx == null) {
      return null;
    }
    IParser parser = ctx.newJsonParser();
    try {
      IBaseResource r = parser.parseResource(json);
      return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          + ctx.newXmlParser().setPrettyPrint(true).encodeResourceToString(r)
          + "\n";
    } catch (RuntimeException e) {
      // HAPI's lenient parser still fails on some broken documents (DataFormatException, and
      // NullPointerException on some broken extensions): no XML form of those
      return null;
    }
  }
}
