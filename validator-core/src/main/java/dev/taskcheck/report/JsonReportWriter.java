package dev.taskcheck.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.LifecycleMetrics;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.RunInfo;
import dev.taskcheck.model.Summary;
import dev.taskcheck.model.SuppressedIssue;
import dev.taskcheck.model.Timings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The TaskCheck JSON report. The summary and timings come before the results in the document but
 * are known only at the end, so the results are buffered and copied behind the head ({@link
 * HeadLastWriter}).
 */
final class JsonReportWriter extends JsonHeadLastWriter {

  /**
   * @param sink the stream the report goes to; closed by {@link #close()}
   * @param spillDirectory where a temporary file may be created; null for the system temporary
   *     directory
   * @param memoryLimit how many bytes of results stay in memory before spilling to a file
   */
  JsonReportWriter(OutputStream sink, @Nullable Path spillDirectory, int memoryLimit) {
    super(sink, spillDirectory, memoryLimit, 1);
  }

  @Override
  void write(Result result) throws IOException {
    writeResult(results(), result);
  }

  @Override
  void writeJson(JsonGenerator g, Summary summary, Timings timings) throws IOException {
    RunInfo r = requireRun();
    g.writeStartObject();
    g.writeObjectFieldStart("tool");
    g.writeStringField("name", r.toolName());
    g.writeStringField("version", r.toolVersion());
    g.writeEndObject();
    g.writeStringField("fhirVersion", r.effectiveFhirVersion(summary));
    g.writeStringField("fhirVersionSetting", r.fhirVersion());
    g.writeStringField("ruleSet", r.ruleSet().code());
    g.writeStringField("engine", r.engine());
    g.writeStringField("now", r.now().toString());
    g.writeStringField("startedAt", r.startedAt().toString());
    writeSummary(g, summary);
    writeTimings(g, timings);
    LifecycleMetrics m = lifecycleMetrics();
    if (m != null) {
      writeMetrics(g, m);
    }
    writeResults(g, "results");
    g.writeEndObject();
  }

  /** The {@code summary} object (also in the SARIF log's invocation properties). */
  static void writeSummary(JsonGenerator g, Summary s) throws IOException {
    g.writeObjectFieldStart("summary");
    g.writeNumberField("inputs", s.inputs());
    g.writeNumberField("documents", s.documents());
    g.writeNumberField("resources", s.resources());
    g.writeNumberField("skipped", s.skipped());
    g.writeNumberField("fatal", s.fatal());
    g.writeNumberField("error", s.error());
    g.writeNumberField("warning", s.warning());
    g.writeNumberField("information", s.information());
    g.writeNumberField("suppressed", s.suppressed());
    g.writeObjectFieldStart("releases");
    for (FhirRelease release : FhirRelease.values()) {
      Long n = s.releases().get(release);
      if (n != null) {
        g.writeNumberField(release.code(), n.longValue());
      }
    }
    g.writeEndObject();
    g.writeObjectFieldStart("engines");
    for (Map.Entry<String, Long> e : s.engines().entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue().longValue());
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  /** The {@code timings} object (also in the SARIF log's invocation properties). */
  static void writeTimings(JsonGenerator g, Timings t) throws IOException {
    g.writeObjectFieldStart("timings");
    g.writeNumberField("elapsedMs", t.elapsedMillis());
    Json.numberField(g, "firstResultMs", t.firstResultMillis());
    Json.numberField(g, "processFirstResultMs", t.processFirstResultMillis());
    g.writeEndObject();
  }

  /**
   * The lifecycle metrics: every duration in whole milliseconds under a name ending in {@code Ms}
   * (as in {@code timings}), null when there is none; statuses in code order. The SARIF log's run
   * properties hold the same object.
   */
  static void writeMetrics(JsonGenerator g, LifecycleMetrics m) throws IOException {
    g.writeObjectFieldStart("metrics");
    g.writeNumberField("histories", m.histories());
    g.writeNumberField("versions", m.versions());
    g.writeObjectFieldStart("timeInStatus");
    for (Map.Entry<String, LifecycleMetrics.Stat> e : new TreeMap<>(m.timeInStatus()).entrySet()) {
      writeStat(g, e.getKey(), e.getValue());
    }
    g.writeEndObject();
    writeStat(g, "waitTime", m.waitTime());
    writeStat(g, "timeInProgress", m.timeInProgress());
    writeStat(g, "timeToCompletion", m.timeToCompletion());
    millisField(g, "stuckAfterMs", m.stuckAfter());
    g.writeNumberField("stuckCount", m.stuckCount());
    g.writeArrayFieldStart("stuck");
    for (LifecycleMetrics.StuckTask s : m.stuck()) {
      g.writeStartObject();
      g.writeStringField("resource", s.resource());
      Json.stringField(g, "versionId", s.versionId());
      g.writeStringField("source", s.source());
      g.writeNumberField("line", s.line());
      g.writeStringField("status", s.status());
      g.writeStringField("since", s.since());
      millisField(g, "idleMs", s.idle());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeObjectFieldStart("latestStatus");
    for (Map.Entry<String, Long> e : new TreeMap<>(m.latestStatus()).entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeArrayFieldStart("workflows");
    for (LifecycleMetrics.Workflow w : m.workflows()) {
      g.writeStartObject();
      g.writeStringField("machine", w.machine());
      stringArray(g, "statuses", w.statuses());
      stringArray(g, "initial", w.initial());
      stringArray(g, "terminal", w.terminal());
      g.writeNumberField("changes", w.changes());
      g.writeArrayFieldStart("edges");
      for (LifecycleMetrics.Edge e : w.edges()) {
        g.writeStartObject();
        g.writeStringField("from", e.from());
        g.writeStringField("to", e.to());
        g.writeStringField("kind", e.kind());
        g.writeNumberField("count", e.count());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void stringArray(JsonGenerator g, String name, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  private static void writeStat(JsonGenerator g, String name, LifecycleMetrics.Stat s)
      throws IOException {
    g.writeObjectFieldStart(name);
    g.writeNumberField("count", s.count());
    millisField(g, "medianMs", s.median());
    millisField(g, "p90Ms", s.p90());
    millisField(g, "maxMs", s.max());
    g.writeArrayFieldStart("histogram");
    for (LifecycleMetrics.Bin b : s.histogram()) {
      g.writeStartObject();
      millisField(g, "fromMs", b.from());
      millisField(g, "toMs", b.to());
      g.writeNumberField("count", b.count());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void millisField(JsonGenerator g, String name, @Nullable Duration d)
      throws IOException {
    g.writeFieldName(name);
    if (d == null) {
      g.writeNull();
    } else {
      g.writeNumber(d.toMillis());
    }
  }

  private static void writeResult(JsonGenerator g, Result r) throws IOException {
    g.writeStartObject();
    g.writeStringField("source", r.source());
    Json.stringField(g, "location", r.location());
    Json.numberField(g, "line", r.line());
    Json.stringField(g, "resource", r.resource());
    Json.stringField(g, "versionId", r.versionId());
    FhirRelease release = r.fhirVersion();
    Json.stringField(g, "fhirVersion", release == null ? null : release.code());
    Json.stringField(g, "fhirVersionReason", r.fhirVersionReason());
    Json.stringField(g, "engine", r.engine());
    g.writeArrayFieldStart("issues");
    for (Issue i : r.issues()) {
      writeIssue(g, i);
    }
    g.writeEndArray();
    if (!r.suppressed().isEmpty()) {
      g.writeArrayFieldStart("suppressed");
      for (SuppressedIssue s : r.suppressed()) {
        g.writeStartObject();
        g.writeStringField("reason", s.reason());
        g.writeStringField("suppression", s.suppression());
        g.writeFieldName("issue");
        writeIssue(g, s.issue());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void writeIssue(JsonGenerator g, Issue i) throws IOException {
    g.writeStartObject();
    g.writeStringField("ruleId", i.ruleId());
    g.writeStringField("severity", i.severity().code());
    g.writeStringField("type", i.type());
    Json.stringField(g, "expression", i.expression());
    Json.numberField(g, "line", i.line());
    Json.numberField(g, "column", i.column());
    g.writeStringField("message", i.message());
    g.writeStringField("source", i.source().code());
    Json.stringField(g, "messageId", i.messageId());
    if (i.profile() != null) {
      // the profile whose constraint the finding reports (an IG's, or TaskCheck's own)
      g.writeStringField("profile", i.profile());
    }
    g.writeEndObject();
  }
}
