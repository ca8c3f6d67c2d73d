package dev.taskcheck.model;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The outcome for one validated resource, or for one document that could not be read as one.
 *
 * @param source the input as the user named it: a file path, {@code -} for standard input
 * @param location where the resource sits inside the document ({@code Bundle.entry[2].resource}),
 *     or null when the resource is the whole document
 * @param line the 1-based line where the resource starts in the source (for an NDJSON line, that
 *     line); null when unknown
 * @param resource {@code Task/abc}, {@code Task} when it has no id, null when the document did not
 *     parse
 * @param versionId {@code meta.versionId}, null when absent
 * @param fhirVersion the FHIR release the resource was validated against; null when it was not
 *     validated
 * @param fhirVersionReason why that release was used (for example "element Task.requestedPerformer
 *     exists only in R5", or "set by --fhir-version")
 * @param issues the findings, in a stable order (line, column, rule id)
 * @param suppressed the findings a suppression removed, with its reason
 * @param engine the structure engine that checked the resource's document: {@code fast} or {@code
 *     reference} ({@link #ENGINE_FAST}, {@link #ENGINE_REFERENCE}); null when no structure engine
 *     checked it: the document did not parse or could not be read, the fast engine did not cover it
 *     under {@code --engine fast} (its {@code taskcheck-fast-not-covered} warning says so), or the
 *     result holds only transition findings of versions gathered from several documents
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record Result(
    String source,
    @Nullable String location,
    @Nullable Integer line,
    @Nullable String resource,
    @Nullable String versionId,
    @Nullable FhirRelease fhirVersion,
    @Nullable String fhirVersionReason,
    List<Issue> issues,
    List<SuppressedIssue> suppressed,
    @Nullable String engine) {

  /** {@link #engine} of a resource the fast engine checked. */
  public static final String ENGINE_FAST = "fast";

  /** {@link #engine} of a resource the reference engine (the HL7 instance validator) checked. */
  public static final String ENGINE_REFERENCE = "reference";

  public Result {
    Objects.requireNonNull(source, "source");
    issues = List.copyOf(issues);
    suppressed = List.copyOf(suppressed);
  }

  /** A result without a structure engine ({@link #engine} null). */
  public Result(
      String source,
      @Nullable String location,
      @Nullable Integer line,
      @Nullable String resource,
      @Nullable String versionId,
      @Nullable FhirRelease fhirVersion,
      @Nullable String fhirVersionReason,
      List<Issue> issues,
      List<SuppressedIssue> suppressed) {
    this(
        source,
        location,
        line,
        resource,
        versionId,
        fhirVersion,
        fhirVersionReason,
        issues,
        suppressed,
        null);
  }

  /** A result with nothing suppressed and without a structure engine. */
  public Result(
      String source,
      @Nullable String location,
      @Nullable Integer line,
      @Nullable String resource,
      @Nullable String versionId,
      @Nullable FhirRelease fhirVersion,
      @Nullable String fhirVersionReason,
      List<Issue> issues) {
    this(
        source,
        location,
        line,
        resource,
        versionId,
        fhirVersion,
        fhirVersionReason,
        issues,
        List.of(),
        null);
  }

  /** The worst severity among the issues, or null when there are none. */
  public @Nullable Severity worstSeverity() {
    Severity worst = null;
    for (Issue i : issues) {
      if (worst == null || i.severity().isAtLeast(worst)) {
        worst = i.severity();
      }
    }
    return worst;
  }

  /** True when at least one issue is at or above {@code threshold}. */
  public boolean hasIssuesAtLeast(Severity threshold) {
    for (Issue i : issues) {
      if (i.severity().isAtLeast(threshold)) {
        return true;
      }
    }
    return false;
  }
}
