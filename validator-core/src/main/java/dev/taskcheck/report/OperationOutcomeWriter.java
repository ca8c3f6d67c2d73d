package dev.taskcheck.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.Summary;
import dev.taskcheck.model.Timings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * FHIR JSON: one OperationOutcome per result; the OperationOutcome alone when the run has exactly
 * one result, otherwise a {@code collection} Bundle of them. The first result is held back until
 * the second arrives (or the run ends); from then on the Bundle's entries are buffered and copied
 * behind its head at {@link #finish} ({@link HeadLastWriter}), so nothing is written before the run
 * ends.
 *
 * <p>FHIR JSON forbids nulls, empty strings, empty arrays and empty objects, so absent values are
 * left out rather than written as null.
 */
final class OperationOutcomeWriter extends JsonHeadLastWriter {

  static final String EXT_BASE = "https://taskcheck.dev/fhir/StructureDefinition/";
  static final String EXT_SOURCE = EXT_BASE + "validated-source";
  static final String EXT_RESOURCE = EXT_BASE + "validated-resource";
  static final String EXT_LOCATION = EXT_BASE + "validated-location";
  static final String EXT_FHIR_VERSION = EXT_BASE + "validated-fhir-version";
  static final String EXT_ENGINE = EXT_BASE + "validated-engine";
  static final String EXT_ISSUE_LINE =
      "http://hl7.org/fhir/StructureDefinition/operationoutcome-issue-line";
  static final String EXT_ISSUE_COL =
      "http://hl7.org/fhir/StructureDefinition/operationoutcome-issue-col";
  static final String EXT_MESSAGE_ID =
      "http://hl7.org/fhir/StructureDefinition/operationoutcome-message-id";
  static final String EXT_ISSUE_SOURCE =
      "http://hl7.org/fhir/StructureDefinition/operationoutcome-issue-source";
  static final String RULE_SYSTEM = "https://taskcheck.dev/fhir/CodeSystem/rule";

  private @Nullable Result first;
  private long count;

  /**
   * @param sink the stream the output goes to; closed by {@link #close()}
   * @param spillDirectory where a temporary file may be created; null for the system temporary
   *     directory
   */
  OperationOutcomeWriter(OutputStream sink, @Nullable Path spillDirectory) {
    super(sink, spillDirectory, SpillBuffer.DEFAULT_MEMORY_LIMIT, 1);
  }

  @Override
  void write(Result result) throws IOException {
    count++;
    if (count == 1) {
      first = result;
      return;
    }
    Result held = first;
    if (held != null) {
      writeEntry(results(), held);
      first = null;
    }
    writeEntry(results(), result);
  }

  @Override
  void writeJson(JsonGenerator g, Summary summary, Timings timings) throws IOException {
    Result held = first;
    if (held != null) {
      writeOutcome(g, held);
      return;
    }
    g.writeStartObject();
    g.writeStringField("resourceType", "Bundle");
    g.writeStringField("type", "collection");
    g.writeStringField("timestamp", requireRun().startedAt().toString());
    if (count > 0) {
      writeResults(g, "entry");
    }
    g.writeEndObject();
  }

  private static void writeEntry(JsonGenerator g, Result result) throws IOException {
    g.writeStartObject();
    g.writeFieldName("resource");
    writeOutcome(g, result);
    g.writeEndObject();
  }

  private static void writeOutcome(JsonGenerator g, Result r) throws IOException {
    g.writeStartObject();
    g.writeStringField("resourceType", "OperationOutcome");
    g.writeArrayFieldStart("extension");
    // never empty: the validated-source extension is always there ("-" if the source is blank,
    // since
    // FHIR forbids empty strings)
    writeExtension(g, EXT_SOURCE, "valueString", r.source().isBlank() ? "-" : r.source());
    writeExtension(g, EXT_RESOURCE, "valueString", r.resource());
    writeExtension(g, EXT_LOCATION, "valueString", r.location());
    FhirRelease release = r.fhirVersion();
    writeExtension(g, EXT_FHIR_VERSION, "valueCode", release == null ? null : release.code());
    writeExtension(g, EXT_ENGINE, "valueCode", r.engine());
    g.writeEndArray();
    g.writeArrayFieldStart("issue");
    if (r.issues().isEmpty()) {
      g.writeStartObject();
      g.writeStringField("severity", "information");
      g.writeStringField("code", "informational");
      g.writeObjectFieldStart("details");
      g.writeStringField("text", "No issues found");
      g.writeEndObject();
      g.writeEndObject();
    }
    for (Issue issue : r.issues()) {
      writeIssue(g, issue);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeIssue(JsonGenerator g, Issue i) throws IOException {
    g.writeStartObject();
    boolean hasRule = !i.ruleId().isEmpty();
    // never empty: the issue-source extension is always there
    g.writeArrayFieldStart("extension");
    writeIntegerExtension(g, EXT_ISSUE_LINE, i.line());
    writeIntegerExtension(g, EXT_ISSUE_COL, i.column());
    writeExtension(g, EXT_MESSAGE_ID, "valueString", hasRule ? i.ruleId() : null);
    writeExtension(g, EXT_ISSUE_SOURCE, "valueString", i.source().code());
    g.writeEndArray();
    g.writeStringField("severity", i.severity().code());
    g.writeStringField("code", i.type().isBlank() ? "processing" : i.type());
    String message = i.message().isBlank() ? null : i.message();
    if (hasRule || message != null) {
      g.writeObjectFieldStart("details");
      if (hasRule) {
        g.writeArrayFieldStart("coding");
        g.writeStartObject();
        g.writeStringField("system", RULE_SYSTEM);
        g.writeStringField("code", i.ruleId());
        g.writeEndObject();
        g.writeEndArray();
      }
      if (message != null) {
        g.writeStringField("text", message);
      }
      g.writeEndObject();
    }
    String messageId = i.messageId();
    if (messageId != null && !messageId.isBlank()) {
      g.writeStringField("diagnostics", "engine message id: " + messageId);
    }
    String expression = i.expression();
    if (expression != null && !expression.isBlank()) {
      g.writeArrayFieldStart("expression");
      g.writeString(expression);
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void writeExtension(
      JsonGenerator g, String url, String valueField, @Nullable String value) throws IOException {
    if (value == null || value.isBlank()) {
      return;
    }
    g.writeStartObject();
    g.writeStringField("url", url);
    g.writeStringField(valueField, value);
    g.writeEndObject();
  }

  private static void writeIntegerExtension(JsonGenerator g, String url, @Nullable Integer value)
      throws IOException {
    if (value == null) {
      return;
    }
    g.writeStartObject();
    g.writeStringField("url", url);
    g.writeNumberField("valueInteger", value.intValue());
    g.writeEndObject();
  }
}
