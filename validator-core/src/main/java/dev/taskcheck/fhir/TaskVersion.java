package dev.taskcheck.fhir;

import dev.taskcheck.model.FhirRelease;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One version of a Task as the transition rules compare it: a small snapshot of the elements they
 * read, where the version came from, and where those elements are in its document. It keeps no
 * parse tree, so a run can hold the versions of many Tasks while it groups them into histories.
 *
 * @param source the input the version was read from
 * @param taskPath the Task's path in its document ({@code Task}, {@code Bundle.entry[3].resource})
 * @param location {@code taskPath} when the Task is inside another resource, null when it is the
 *     document
 * @param line where the Task starts in its source
 * @param label {@code Task/abc}, or {@code Task} without an id
 * @param release the release the version was validated against, and {@code releaseReason} why
 * @param id {@code Task.id}
 * @param identifiers {@code system|value} of each identifier
 * @param versionId {@code meta.versionId}
 * @param lastUpdated {@code meta.lastUpdated}
 * @param statusCode {@code status} as written, and {@code status} when it is a Task status code
 * @param statusReason the statusReason in a canonical form (for equality), null when absent
 * @param businessStatus the businessStatus in a canonical form, null when absent
 * @param outputs each output in a canonical form
 * @param progress the Ratio progress outputs
 * @param content a hash of the whole Task except {@code meta} and {@code text} (16 hex digits), to
 *     tell two versions with the same versionId apart
 * @param positions line and column of the elements the rules report on, by expression relative to
 *     the Task ({@code Task.status}); an absent element is placed at its parent
 */
public record TaskVersion(
    String source,
    String taskPath,
    @Nullable String location,
    int line,
    String label,
    FhirRelease release,
    String releaseReason,
    @Nullable String id,
    List<String> identifiers,
    @Nullable String versionId,
    @Nullable String lastUpdated,
    @Nullable String statusCode,
    @Nullable TaskStatus status,
    @Nullable String intent,
    @Nullable String authoredOn,
    @Nullable String lastModified,
    @Nullable String executionStart,
    @Nullable String statusReason,
    @Nullable String businessStatus,
    List<String> outputs,
    List<Progress> progress,
    String content,
    Map<String, int[]> positions) {

  public TaskVersion {
    Objects.requireNonNull(source);
    Objects.requireNonNull(taskPath);
    Objects.requireNonNull(label);
    Objects.requireNonNull(release);
    Objects.requireNonNull(releaseReason);
    identifiers = List.copyOf(identifiers);
    outputs = List.copyOf(outputs);
    progress = List.copyOf(progress);
    Objects.requireNonNull(content);
    positions = Map.copyOf(positions);
  }

  /**
   * A Ratio progress output.
   *
   * @param key what identifies it across versions: its coded type ({@code system|code}), or its
   *     position among the untyped progress outputs ({@code #0})
   * @param expression where its numerator is, relative to the Task
   */
  public record Progress(
      String key,
      String expression,
      @Nullable BigDecimal numerator,
      @Nullable String numeratorUnit,
      @Nullable BigDecimal denominator,
      @Nullable String denominatorUnit) {}

  /** The numeric value of {@code versionId}, or null when absent or not a whole number. */
  public @Nullable Long versionNumber() {
    if (versionId == null || versionId.isEmpty() || versionId.length() > 18) {
      return null;
    }
    for (int i = 0; i < versionId.length(); i++) {
      if (!Character.isDigit(versionId.charAt(i))) {
        return null;
      }
    }
    return Long.parseLong(versionId);
  }

  /**
   * When this version was written: {@code lastModified}, else {@code meta.lastUpdated}; null when
   * neither parses.
   */
  public @Nullable FhirTemporal timestamp() {
    FhirTemporal t = lastModified == null ? null : FhirTemporal.parse(lastModified).orElse(null);
    if (t == null && lastUpdated != null) {
      t = FhirTemporal.parse(lastUpdated).orElse(null);
    }
    return t;
  }

  /**
   * How the report names the version: {@code Task/abc/_history/3}, or the label without a
   * versionId.
   */
  public String describe() {
    return versionId == null ? label : label + "/_history/" + versionId;
  }
}
