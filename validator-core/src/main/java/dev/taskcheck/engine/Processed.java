package dev.taskcheck.engine;

import dev.taskcheck.fhir.TaskVersion;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Result;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one source item gave: its results in document order, and the counts the summary needs.
 *
 * @param documents documents read (0 for an input that gave none, such as a missing path)
 * @param resources Task resources validated
 * @param skipped resources that are not Tasks
 * @param release the release the Tasks were validated against, null when none were
 * @param versions the Task versions to group into histories across documents ({@code --history}),
 *     else empty
 * @param histories the lifecycle measures of the histories (and stuck single Tasks) the item held
 * @param engine the structure engine that checked the item's Tasks ({@code fast}, {@code
 *     reference}), null when none did
 */
public record Processed(
    List<Result> results,
    int documents,
    int resources,
    int skipped,
    @Nullable FhirRelease release,
    List<TaskVersion> versions,
    List<MetricsCollector.HistoryMetrics> histories,
    @Nullable String engine) {

  public Processed {
    results = List.copyOf(results);
    versions = List.copyOf(versions);
    histories = List.copyOf(histories);
  }

  /** What an item gave with no structure engine named. */
  public Processed(
      List<Result> results,
      int documents,
      int resources,
      int skipped,
      @Nullable FhirRelease release,
      List<TaskVersion> versions,
      List<MetricsCollector.HistoryMetrics> histories) {
    this(results, documents, resources, skipped, release, versions, histories, null);
  }

  public Processed(
      List<Result> results,
      int documents,
      int resources,
      int skipped,
      @Nullable FhirRelease release) {
    this(results, documents, resources, skipped, release, List.of(), List.of(), null);
  }
}
