package dev.taskcheck.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.LifecycleMetrics;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.RuleInfo;
import dev.taskcheck.model.RunInfo;
import dev.taskcheck.model.Severity;
import dev.taskcheck.model.Summary;
import dev.taskcheck.model.SuppressedIssue;
import dev.taskcheck.model.Timings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A SARIF 2.1.0 log for code scanning (GitHub code scanning, SARIF viewers): one run whose {@code
 * tool.driver.rules} are the rules the run checked, and one SARIF result per finding.
 *
 * <ul>
 *   <li>A rule is listed with its summary, documentation page ({@code helpUri}), the level of its
 *       severity in this run ({@code defaultConfiguration.level}) and its catalog data in {@code
 *       properties}. A rule id that findings use but the run's list lacks (a base FHIR invariant
 *       such as {@code dom-6}) is added to the list when it is first seen, so every result's {@code
 *       ruleIndex} points at its rule.
 *   <li>A finding is a result with its rule, level ({@code fatal} and {@code error} give {@code
 *       error}, {@code warning} gives {@code warning}, {@code information} gives {@code note}),
 *       message, one location and a {@code partialFingerprints} entry. The location names the file
 *       (a relative path as a relative reference to {@code %SRCROOT%}, the current directory; an
 *       absolute path as a {@code file} URI; standard input by description only) and the line and
 *       column when known, and as logical locations the FHIRPath expression and the resource
 *       ({@code Task/abc/_history/2}).
 *   <li>A suppressed finding is a result too, with an external, accepted suppression carrying the
 *       reason.
 *   <li>{@code invocations[0]} holds the start and end time and, in its properties, the run's
 *       settings, counts and timings (as in the JSON report); the run's properties hold the
 *       lifecycle metrics.
 * </ul>
 *
 * <p>The rules come before the results in the document but are complete only at the end, so each
 * result is written as it arrives to a {@link SpillBuffer} (memory, then a temporary file) and
 * copied out behind the head at {@link #finish}. Memory holds the distinct rule ids, nothing per
 * result. Closed without {@code finish}, the writer writes nothing.
 */
final class SarifReportWriter extends JsonHeadLastWriter {

  /** The schema the log names: the OASIS SARIF 2.1.0 schema (errata 01). */
  static final String SCHEMA_URI =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

  /**
   * The URI base id of relative artifact locations: the directory relative sources are read from.
   */
  static final String SRCROOT = "%SRCROOT%";

  /** The key of a result's entry in {@code partialFingerprints}. */
  static final String FINGERPRINT = "taskcheck/v1";

  static final String INFORMATION_URI = "https://taskcheck.dev";

  /** The form of a FHIR constraint key ({@code dom-6}, {@code tsk-1}). */
  private static final Pattern INVARIANT_KEY = Pattern.compile("([a-z][a-z0-9]*)-[0-9]+");

  /**
   * Where the FHIR specification defines the base invariants of the types a Task uses, by key
   * prefix. The current release's pages: a finding's FHIR release is in its result's properties.
   */
  private static final Map<String, String> INVARIANT_PAGES =
      Map.of(
          "dom", "https://hl7.org/fhir/domainresource.html",
          "ele", "https://hl7.org/fhir/element.html",
          "tsk", "https://hl7.org/fhir/task.html",
          "ref", "https://hl7.org/fhir/references.html",
          "txt", "https://hl7.org/fhir/narrative.html",
          "per", "https://hl7.org/fhir/datatypes.html#Period",
          "qty", "https://hl7.org/fhir/datatypes.html#Quantity",
          "rat", "https://hl7.org/fhir/datatypes.html#Ratio",
          "att", "https://hl7.org/fhir/datatypes.html#Attachment",
          "cpt", "https://hl7.org/fhir/datatypes.html#ContactPoint");

  /** How many objects and arrays enclose the results array: the log, {@code runs}, the run. */
  private static final int RESULTS_DEPTH = 3;

  private final RenderOptions options;

  /** The file URI of the directory relative sources are resolved against, ending with {@code /}. */
  private @Nullable String sourceRoot;

  private final MessageDigest sha256;

  /**
   * Rule id to its index in {@code tool.driver.rules}: the listed rules, then the ones found
   * unlisted.
   */
  private final Map<String, Integer> ruleIndexes = new HashMap<>();

  private final List<RuleInfo> listedRules = new ArrayList<>();
  private final List<String> unlistedRules = new ArrayList<>();

  /**
   * The last source seen and its artifact location (results of one source usually arrive together).
   */
  private @Nullable String lastSource;

  private @Nullable String lastUri;

  /**
   * A writer that resolves relative sources against the run's working directory ({@link
   * RunInfo#workingDirectory()}).
   *
   * @param sink the stream the report goes to; closed by {@link #close()}
   * @param spillDirectory where a temporary file may be created; null for the system temporary
   *     directory
   */
  SarifReportWriter(OutputStream sink, RenderOptions options, @Nullable Path spillDirectory) {
    this(sink, options, spillDirectory, null, SpillBuffer.DEFAULT_MEMORY_LIMIT);
  }

  /**
   * @param sourceRoot the absolute directory relative sources are resolved against ({@code
   *     %SRCROOT%}); null for the run's working directory
   * @param memoryLimit how many bytes of results stay in memory before spilling to a file
   */
  SarifReportWriter(
      OutputStream sink,
      RenderOptions options,
      @Nullable Path spillDirectory,
      @Nullable Path sourceRoot,
      int memoryLimit) {
    super(sink, spillDirectory, memoryLimit, RESULTS_DEPTH);
    this.options = options;
    this.sourceRoot =
        sourceRoot == null ? null : FileUris.directoryUri(sourceRoot.toAbsolutePath().toString());
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  @Override
  void started(RunInfo runInfo) {
    if (sourceRoot == null) {
      sourceRoot = FileUris.directoryUri(runInfo.workingDirectory());
    }
    for (RuleInfo rule : runInfo.rules()) {
      if (!ruleIndexes.containsKey(rule.id())) {
        ruleIndexes.put(rule.id(), listedRules.size());
        listedRules.add(rule);
      }
    }
  }

  @Override
  void write(Result result) throws IOException {
    String uri = artifactUri(result.source());
    Map<String, Integer> occurrences = new HashMap<>();
    for (Issue issue : result.issues()) {
      writeResult(result, uri, issue, null, occurrences);
    }
    for (SuppressedIssue s : result.suppressed()) {
      writeResult(result, uri, s.issue(), s, occurrences);
    }
  }

  @Override
  void writeJson(JsonGenerator g, Summary summary, Timings timings) throws IOException {
    RunInfo r = requireRun();
    g.writeStartObject();
    g.writeStringField("$schema", SCHEMA_URI);
    g.writeStringField("version", "2.1.0");
    g.writeArrayFieldStart("runs");
    g.writeStartObject();
    writeTool(g, r);
    writeInvocation(g, r, summary, timings);
    g.writeObjectFieldStart("originalUriBaseIds");
    g.writeObjectFieldStart(SRCROOT);
    g.writeStringField("uri", sourceRoot);
    g.writeEndObject();
    g.writeEndObject();
    // Columns count the characters of the decoded text, as Java strings hold it.
    g.writeStringField("columnKind", "utf16CodeUnits");
    LifecycleMetrics m = lifecycleMetrics();
    if (m != null) {
      g.writeObjectFieldStart("properties");
      JsonReportWriter.writeMetrics(g, m);
      g.writeEndObject();
    }
    writeResults(g, "results");
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
  }

  // ---- results ----

  private void writeResult(
      Result r,
      @Nullable String uri,
      Issue issue,
      @Nullable SuppressedIssue suppressed,
      Map<String, Integer> occurrences)
      throws IOException {
    JsonGenerator g = results();
    g.writeStartObject();
    g.writeStringField("ruleId", issue.ruleId());
    g.writeNumberField("ruleIndex", ruleIndex(issue.ruleId()));
    g.writeStringField("level", level(issue.severity()));
    g.writeObjectFieldStart("message");
    g.writeStringField("text", issue.message().isBlank() ? issue.ruleId() : issue.message());
    g.writeEndObject();
    g.writeArrayFieldStart("locations");
    writeLocation(g, r, uri, issue);
    g.writeEndArray();
    g.writeObjectFieldStart("partialFingerprints");
    g.writeStringField(FINGERPRINT, fingerprint(r, uri, issue, occurrences));
    g.writeEndObject();
    if (suppressed != null) {
      g.writeArrayFieldStart("suppressions");
      g.writeStartObject();
      g.writeStringField("kind", "external");
      g.writeStringField("status", "accepted");
      g.writeStringField("justification", suppressed.reason());
      g.writeObjectFieldStart("properties");
      g.writeStringField("declaredAt", suppressed.suppression());
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndArray();
    }
    g.writeObjectFieldStart("properties");
    g.writeStringField("severity", issue.severity().code());
    g.writeStringField("issueType", issue.type());
    g.writeStringField("stage", issue.source().code());
    optionalString(g, "messageId", issue.messageId());
    optionalString(g, "profile", issue.profile());
    optionalString(g, "resource", r.resource());
    optionalString(g, "versionId", r.versionId());
    FhirRelease release = r.fhirVersion();
    optionalString(g, "fhirVersion", release == null ? null : release.code());
    optionalString(g, "resourceLocation", r.location());
    optionalString(g, "engine", r.engine());
    g.writeEndObject();
    g.writeEndObject();
  }

  /**
   * The location: the file and region (the issue's line and column; without them the line the
   * resource starts on; without that none), and as logical locations the expression and the
   * resource.
   */
  private static void writeLocation(JsonGenerator g, Result r, @Nullable String uri, Issue issue)
      throws IOException {
    g.writeStartObject();
    g.writeObjectFieldStart("physicalLocation");
    g.writeObjectFieldStart("artifactLocation");
    if (uri == null) {
      g.writeObjectFieldStart("description");
      g.writeStringField("text", "standard input");
      g.writeEndObject();
    } else {
      g.writeStringField("uri", uri);
      if (!uri.startsWith("file:")) {
        g.writeStringField("uriBaseId", SRCROOT);
      }
    }
    g.writeEndObject();
    Integer line = issue.line();
    Integer column = issue.column();
    if (line == null) {
      line = r.line();
      column = null;
    }
    if (line != null && line >= 1) {
      g.writeObjectFieldStart("region");
      g.writeNumberField("startLine", line);
      if (column != null && column >= 1) {
        g.writeNumberField("startColumn", column);
      }
      g.writeEndObject();
    }
    g.writeEndObject();
    String expression = issue.expression();
    String resource = r.resource();
    if (expression != null || resource != null) {
      g.writeArrayFieldStart("logicalLocations");
      if (expression != null) {
        g.writeStartObject();
        g.writeStringField("fullyQualifiedName", expression);
        g.writeStringField("kind", "element");
        g.writeEndObject();
      }
      if (resource != null) {
        g.writeStartObject();
        String versionId = r.versionId();
        g.writeStringField(
            "fullyQualifiedName",
            versionId == null ? resource : resource + "/_history/" + versionId);
        g.writeStringField("kind", "resource");
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  /**
   * The artifact URI of a source: a relative reference (to {@code %SRCROOT%}) for a relative path,
   * a file URI for an absolute one, null for standard input.
   */
  private @Nullable String artifactUri(String source) {
    if (source.equals(lastSource)) {
      return lastUri;
    }
    String uri =
        source.equals("-")
            ? null
            : FileUris.isAbsolute(source)
                ? FileUris.fileUri(source)
                : FileUris.relativeReference(source);
    lastSource = source;
    lastUri = uri;
    return uri;
  }

  /**
   * A fingerprint that does not move with the finding's line: a hash of the rule, the file, the
   * resource (or, for a document that did not parse, its line), the version and the expression,
   * then the occurrence of that hash within the result ({@code 3f5a...:1}).
   */
  private String fingerprint(
      Result r, @Nullable String uri, Issue issue, Map<String, Integer> occurrences) {
    String resource = r.resource();
    String key =
        issue.ruleId()
            + '\u0000'
            + (uri == null ? "-" : uri)
            + '\u0000'
            + (resource != null ? resource : "@" + r.line())
            + '\u0000'
            + nullToEmpty(r.versionId())
            + '\u0000'
            + nullToEmpty(issue.expression());
    byte[] digest = sha256.digest(key.getBytes(StandardCharsets.UTF_8));
    StringBuilder b = new StringBuilder(40);
    for (int i = 0; i < 16; i++) {
      b.append(Character.forDigit((digest[i] >> 4) & 0xF, 16))
          .append(Character.forDigit(digest[i] & 0xF, 16));
    }
    String hash = b.toString();
    int n = occurrences.merge(hash, 1, Integer::sum);
    return hash + ":" + n;
  }

  private int ruleIndex(String ruleId) {
    Integer i = ruleIndexes.get(ruleId);
    if (i != null) {
      return i;
    }
    int index = listedRules.size() + unlistedRules.size();
    ruleIndexes.put(ruleId, index);
    unlistedRules.add(ruleId);
    return index;
  }

  /** The SARIF level of a severity: SARIF has no level above {@code error}. */
  static String level(Severity severity) {
    return switch (severity) {
      case FATAL, ERROR -> "error";
      case WARNING -> "warning";
      case INFORMATION -> "note";
    };
  }

  /** GitHub code scanning's {@code problem.severity} for a level. */
  private static String problemSeverity(Severity severity) {
    return switch (severity) {
      case FATAL, ERROR -> "error";
      case WARNING -> "warning";
      case INFORMATION -> "recommendation";
    };
  }

  // ---- head ----

  private void writeTool(JsonGenerator g, RunInfo r) throws IOException {
    g.writeObjectFieldStart("tool");
    g.writeObjectFieldStart("driver");
    g.writeStringField("name", "TaskCheck");
    g.writeStringField("version", r.toolVersion());
    g.writeStringField("informationUri", INFORMATION_URI);
    g.writeArrayFieldStart("rules");
    for (RuleInfo rule : listedRules) {
      writeListedRule(g, rule);
    }
    for (String id : unlistedRules) {
      writeUnlistedRule(g, id);
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writeListedRule(JsonGenerator g, RuleInfo rule) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", rule.id());
    g.writeStringField("name", rule.name());
    g.writeObjectFieldStart("shortDescription");
    g.writeStringField("text", rule.summary());
    g.writeEndObject();
    g.writeObjectFieldStart("fullDescription");
    g.writeStringField("text", fullDescription(rule));
    g.writeEndObject();
    g.writeStringField("helpUri", rule.docUrl());
    g.writeObjectFieldStart("help");
    g.writeStringField("text", rule.summary() + ". Documentation: " + rule.docUrl());
    g.writeStringField(
        "markdown",
        rule.summary() + ".\n\n[" + rule.id() + " documentation](" + rule.docUrl() + ")");
    g.writeEndObject();
    g.writeObjectFieldStart("defaultConfiguration");
    g.writeStringField("level", level(rule.severity()));
    g.writeEndObject();
    g.writeObjectFieldStart("properties");
    g.writeStringField("category", rule.category());
    g.writeStringField("severity", rule.severity().code());
    g.writeStringField("kind", rule.kind().code());
    g.writeArrayFieldStart("fhirVersions");
    for (FhirRelease release : rule.versions()) {
      g.writeString(release.code());
    }
    g.writeEndArray();
    g.writeArrayFieldStart("basis");
    for (String b : rule.basis()) {
      g.writeString(b);
    }
    g.writeEndArray();
    g.writeStringField("since", rule.since());
    if (rule.origin() != null) {
      g.writeStringField("origin", rule.origin());
    }
    if (!rule.ruleSets().isEmpty()) {
      g.writeArrayFieldStart("ruleSets");
      for (String set : rule.ruleSets()) {
        g.writeString(set);
      }
      g.writeEndArray();
    }
    g.writeArrayFieldStart("tags");
    g.writeString("fhir");
    g.writeString(rule.category());
    g.writeEndArray();
    g.writeStringField("problem.severity", problemSeverity(rule.severity()));
    g.writeEndObject();
    g.writeEndObject();
  }

  private static String fullDescription(RuleInfo rule) {
    String versions = String.join(", ", rule.versions().stream().map(FhirRelease::code).toList());
    return switch (rule.kind()) {
      case JAVA ->
          rule.summary() + ". A TaskCheck " + rule.category() + " rule for FHIR " + versions + ".";
      case PROFILE ->
          rule.summary()
              + ". An invariant of the TaskCheck profiles ("
              + rule.category()
              + ") for FHIR "
              + versions
              + ".";
      case ENGINE -> rule.summary() + ". A finding of the FHIR structure validation.";
      case FHIRPATH -> rule.summary() + ". A rule of the FHIRPath rule file " + rule.origin() + ".";
      case PLUGIN -> rule.summary() + ". A rule of the plug-in " + rule.origin() + ".";
    };
  }

  /**
   * A rule a finding used that the run's list lacks: a base FHIR invariant, or an id unknown here.
   */
  private static void writeUnlistedRule(JsonGenerator g, String id) throws IOException {
    var key = INVARIANT_KEY.matcher(id);
    boolean invariant = key.matches();
    g.writeStartObject();
    g.writeStringField("id", id);
    g.writeObjectFieldStart("shortDescription");
    g.writeStringField("text", invariant ? "FHIR invariant " + id : "Finding " + id);
    g.writeEndObject();
    g.writeObjectFieldStart("fullDescription");
    g.writeStringField(
        "text",
        invariant
            ? "A constraint of the FHIR specification (key "
                + id
                + "), checked by the structure validation."
            : "A finding reported under the id " + id + ", which is not in this run's rule list.");
    g.writeEndObject();
    String page = invariant ? INVARIANT_PAGES.get(key.group(1)) : null;
    if (page != null) {
      g.writeStringField("helpUri", page);
    }
    g.writeObjectFieldStart("properties");
    g.writeStringField("category", invariant ? "base" : "other");
    g.writeArrayFieldStart("tags");
    g.writeString("fhir");
    g.writeString(invariant ? "base" : "other");
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
  }

  private void writeInvocation(JsonGenerator g, RunInfo r, Summary summary, Timings timings)
      throws IOException {
    g.writeArrayFieldStart("invocations");
    g.writeStartObject();
    // Findings, fatal ones included, are results; the tool itself ran to completion.
    g.writeBooleanField("executionSuccessful", true);
    g.writeStringField("startTimeUtc", r.startedAt().toString());
    Instant end = r.startedAt().plusMillis(timings.elapsedMillis());
    g.writeStringField("endTimeUtc", end.toString());
    g.writeObjectFieldStart("workingDirectory");
    g.writeStringField("uri", sourceRoot);
    g.writeEndObject();
    g.writeObjectFieldStart("properties");
    g.writeStringField("fhirVersion", r.effectiveFhirVersion(summary));
    g.writeStringField("fhirVersionSetting", r.fhirVersion());
    g.writeStringField("ruleSet", r.ruleSet().code());
    g.writeStringField("engine", r.engine());
    g.writeStringField("now", r.now().toString());
    Severity failOn = options.failOn();
    g.writeStringField("failOn", failOn == null ? "none" : failOn.code());
    g.writeBooleanField("failLevelReached", failOn != null && summary.countAtLeast(failOn) > 0);
    JsonReportWriter.writeSummary(g, summary);
    JsonReportWriter.writeTimings(g, timings);
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndArray();
  }

  private static void optionalString(JsonGenerator g, String name, @Nullable String value)
      throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }

  private static String nullToEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }
}
