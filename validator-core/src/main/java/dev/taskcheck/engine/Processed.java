package dev.taskcheck.engine;

import dev.taskcheck.FhirRelease;
import dev.taskcheck.Result;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one source item gave: its results in document order, and the counts the summary needs.
 *
 * @param documents documents read (0 for an input that gave none, such as a missing path)
 * @param resources Task resources validated
 * @param skipped resources that are not Tasks
 * @param release the release the Tasks were validated against, null when none were
 */
public record Processed(List<Result> results, int documents, int resources, int skipped, @Nullable FhirRelease release) {

  public Processed {
    results = List.copyOf(results);
  }
}
