package dev.taskcheck.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.engine.DocumentProcessor;
import dev.taskcheck.engine.DocumentUnit;
import dev.taskcheck.engine.IssueSink;
import dev.taskcheck.engine.Processed;
import dev.taskcheck.engine.Stage;
import dev.taskcheck.model.EngineChoice;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.Result;
import dev.taskcheck.source.RawDocument;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Which engine {@link AutoEngine} says checked a document, under each {@link EngineChoice}. The
 * reference engine is a stand-in that finds nothing, so no HAPI definitions are loaded; the fast
 * engine is the real one.
 */
class AutoEngineTest {

  /** A Task the fast engine checks. */
  private static final String JSON_TASK =
      "{\"resourceType\":\"Task\",\"id\":\"a\",\"status\":\"requested\",\"intent\":\"order\"}";

  /** A plain XML Task, which the fast engine checks too. */
  private static final String PLAIN_XML_TASK =
      "<Task xmlns=\"http://hl7.org/fhir\"><id value=\"a\"/><status value=\"requested\"/>"
          + "<intent value=\"order\"/></Task>";

  /**
   * A Task the fast engine does not check: an XML attribute FHIR XML does not have, which the
   * reference engine reports in XML words of its own.
   */
  private static final String XML_TASK =
      "<Task xmlns=\"http://hl7.org/fhir\"><id value=\"a\"/>"
          + "<status value=\"requested\" colour=\"red\"/><intent value=\"order\"/></Task>";

  private static final FastEngine FAST = new FastEngine(false);

  /** Stands in for the reference engine: counts its documents, finds nothing. */
  private static final class Reference implements Stage {
    final AtomicInteger documents = new AtomicInteger();

    @Override
    public String name() {
      return "reference";
    }

    @Override
    public void check(DocumentUnit unit, IssueSink sink) {
      documents.incrementAndGet();
    }
  }

  private final Reference reference = new Reference();

  private Result check(EngineChoice choice, String text) {
    Processed p =
        new DocumentProcessor(
                List.of(new AutoEngine(choice, FAST, () -> reference)), FhirRelease.R4, t -> {})
            .process(new RawDocument("in", 1, text.getBytes(StandardCharsets.UTF_8), false));
    assertThat(p.results()).hasSize(1);
    assertThat(p.engine()).isEqualTo(p.results().get(0).engine());
    return p.results().get(0);
  }

  @Test
  void autoNamesTheFastEngineWhereItCoversTheDocument() {
    Result r = check(EngineChoice.AUTO, JSON_TASK);

    assertThat(r.engine()).isEqualTo(Result.ENGINE_FAST);
    assertThat(reference.documents).hasValue(0);
  }

  @Test
  void autoNamesTheReferenceEngineWhereTheFastOneDoesNotCover() {
    Result r = check(EngineChoice.AUTO, XML_TASK);

    assertThat(r.engine()).isEqualTo(Result.ENGINE_REFERENCE);
    assertThat(reference.documents).hasValue(1);
  }

  @Test
  void autoNamesTheFastEngineOnAPlainXmlTask() {
    Result r = check(EngineChoice.AUTO, PLAIN_XML_TASK);

    assertThat(r.engine()).isEqualTo("fast");
    assertThat(reference.documents).hasValue(0);
  }

  @Test
  void referenceNamesTheReferenceEngine() {
    Result r = check(EngineChoice.REFERENCE, JSON_TASK);

    assertThat(r.engine()).isEqualTo(Result.ENGINE_REFERENCE);
    assertThat(reference.documents).hasValue(1);
  }

  @Test
  void fastNamesTheFastEngine() {
    Result r = check(EngineChoice.FAST, JSON_TASK);

    assertThat(r.engine()).isEqualTo(Result.ENGINE_FAST);
  }

  @Test
  void fastNamesNoEngineWhereItDoesNotCoverTheDocument() {
    Result r = check(EngineChoice.FAST, XML_TASK);

    assertThat(r.engine()).isNull();
    assertThat(r.issues()).extracting(Issue::messageId).contains("taskcheck-fast-not-covered");
    assertThat(reference.documents).hasValue(0);
  }

  @Test
  void theFastEngineAsAStageNamesItself() {
    Processed p =
        new DocumentProcessor(List.of(FAST), FhirRelease.R4, t -> {})
            .process(new RawDocument("in", 1, JSON_TASK.getBytes(StandardCharsets.UTF_8), false));

    assertThat(p.results()).singleElement().extracting(Result::engine).isEqualTo("fast");
  }
}
