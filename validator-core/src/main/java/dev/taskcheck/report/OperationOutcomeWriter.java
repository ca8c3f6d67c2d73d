package dev.taskcheck.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.RunInfo;
import dev.taskcheck.model.Summary;
import dev.taskcheck.model.Timings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/**
 * FHIR JSON: one OperationOutcome per result; the OperationOutcome alone when the run has exactly one
 * result, otherwise a {@code collection} Bundle of them. The first result is held back until the second
 * arrives (or the run ends); from then on the Bundle is written progressively, its {@code entry} array
 * last.
 *
 * <p>FHIR JSON forbids nulls, empty strings, empty arrays and empty objects, so absent values are left
 * out rather than written as null.
 */
final class OperationOutcomeWriter implements ReportOutput {

  static final String EXT_BASE = "https://taskcheck.dev/fhir/StructureDefinition/";
  static final String EXT_SOURCE = EXT_BASE + "validated-source";
  static final String EXT_RESOURCE = EXT_BASE + "validated-resource";
  static final String EXT_LOCATION = EXT_BASE + "validated-location";
  static final String EXT_FHIR_VERSION = EXT_BASE + "validated-fhir-version";
  static final String EXT_ISSUE_LINE =
      "http://hl7.org/fhir/StructureDefinition/operationoutcome-issue-line";
  static final String EXT_ISSUE_COL = "http://hl7.org/fhir/StructureDefinition/operationoutcome-issue-col";
  static final String EXT_MESSAGE_ID =
      "http://hl7.org/fhir/StructureDefinition/operationoutcome-message-id";
  static final String EXT_ISSUE_SOURCE =
      "http://hl7.org/fhir/StructureDefinition/operationoutcome-issue-source";
  static final String RULE_SYSTEM = "https://taskcheck.dev/fhir/CodeSystem/rule";

  private final OutputStream sink;
  private final JsonGenerator g;
  private @Nullable RunInfo run;
  private @Nullable Result first;
  private long count;
  private boolean finished;
  private boolean closed;

  /** @param sink the stream the output goes to; closed by {@link #close()} */
  OperationOutcomeWriter(OutputStream sink) {
    this.sink = sink;
    try {
      this.g = Json.generator(Json.factory(), sink);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void start(RunInfo run) {
    ensureOpen();
    this.run = run;
  }

  @Override
  public void result(Result result) {
    ensureOpen();
    try {
      count++;
      if (count == 1) {
        first = result;
        return;
      }
      if (count == 2) {
        startBundle(true);
        Result held = first;
        first = null;
        if (held != null) {
          writeEntry(held);
        }
      }
      writeEntry(result);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void finish(Summary summary, Timings timings) {
    ensureOpen();
    try {
      Result held = first;
      if (count == 1 && held != null) {
        writeOutcome(held);
        first = null;
      } else if (count == 0) {
        startBundle(false);
        g.writeEndObject();
      } else {
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeRaw('\n');
      g.flush();
      finished = true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void startBundle(boolean withEntries) throws IOException {
    RunInfo r = run;
    if (r == null) {
      throw new IllegalStateException("result or finish called before start");
    }
    g.writeStartObject();
    g.writeStringField("resourceType", "Bundle");
    g.writeStringField("type", "collection");
    g.writeStringField("timestamp", r.startedAt().toString());
    if (withEntries) {
      g.writeArrayFieldStart("entry");
    }
  }

  private void writeEntry(Result result) throws IOException {
    g.writeStartObject();
    g.writeFieldName("resource");
    writeOutcome(result);
    g.writeEndObject();
  }

  private void writeOutcome(Result r) throws IOException {
    g.writeStartObject();
    g.writeStringField("resourceType", "OperationOutcome");
    g.writeArrayFieldStart("extension");
    // never empty: the validated-source extension is always there ("-" if the source is blank, since
    // FHIR forbids empty strings)
    writeExtension(EXT_SOURCE, "valueString", r.source().isBlank() ? "-" : r.source());
    writeExtension(EXT_RESOURCE, "valueString", r.resource());
    writeExtension(EXT_LOCATION, "valueString", r.location());
    FhirRelease release = r.fhirVersion();
    writeExtension(EXT_FHIR_VERSION, "valueCode", release == null ? null : release.code());
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
      writeIssue(issue);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private void writeIssue(Issue i) throws IOException {
    g.writeStartObject();
    boolean hasRule = !i.ruleId().isEmpty();
    // never empty: the issue-source extension is always there
    g.writeArrayFieldStart("extension");
    writeIntegerExtension(EXT_ISSUE_LINE, i.line());
    writeIntegerExtension(EXT_ISSUE_COL, i.column());
    writeExtension(EXT_MESSAGE_ID, "valueString", hasRule ? i.ruleId() : null);
    writeExtension(EXT_ISSUE_SOURCE, "valueString", i.source().code());
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

  private void writeExtension(String url, String valueField, @Nullable String value) throws IOException {
    if (value == null || value.isBlank()) {
      return;
    }
    g.writeStartObject();
    g.writeStringField("url", url);
    g.writeStringField(valueField, value);
    g.writeEndObject();
  }

  private void writeIntegerExtension(String url, @Nullable Integer value) throws IOException {
    if (value == null) {
      return;
    }
    g.writeStartObject();
    g.writeStringField("url", url);
    g.writeNumberField("valueInteger", value.intValue());
    g.writeEndObject();
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("report output is closed");
    }
    if (finished) {
      throw new IllegalStateException("report already finished");
    }
  }

  /** Flushes what was written and closes the sink; an unfinished document is not completed. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    first = null;
    Closeables.closeAll(g, sink);
  }
}
