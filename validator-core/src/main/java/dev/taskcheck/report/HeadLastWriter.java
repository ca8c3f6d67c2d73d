package dev.taskcheck.report;

import dev.taskcheck.model.Summary;
import dev.taskcheck.model.Timings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A writer whose document puts what is known only at the end (the counts, the rules seen) before
 * the results. Each result is written as it arrives to a {@link SpillBuffer} (memory up to a limit,
 * then a temporary file); at {@link #finish} the format writes its head to the sink, {@link
 * #copyResults} copies the results behind it, and the format writes its tail. Memory does not grow
 * with the number of results. Before {@code finish} nothing reaches the sink, so a writer closed
 * without it writes nothing; closing deletes the temporary file.
 */
abstract class HeadLastWriter extends ReportWriter {

  private final SpillBuffer spill;

  /**
   * Where the results start in the buffer: what is written before is a prefix that is not copied.
   */
  private long resultsStart;

  /**
   * @param spillDirectory where a temporary file may be created; null for the system temporary
   *     directory
   * @param memoryLimit how many bytes of results stay in memory before spilling to a file
   */
  HeadLastWriter(OutputStream sink, @Nullable Path spillDirectory, int memoryLimit) {
    super(sink);
    this.spill = owned(new SpillBuffer(spillDirectory, memoryLimit));
  }

  /** The buffer the results are written to (and, for tests, where it spilled). */
  final SpillBuffer spill() {
    return spill;
  }

  /** Marks where the results start in the buffer; the default is its beginning. */
  final void resultsStartAt(long offset) {
    this.resultsStart = offset;
  }

  @Override
  final void complete(Summary summary, Timings timings) throws IOException {
    endResults();
    writeDocument(summary, timings);
    spill.close();
  }

  /** Completes the results in the buffer and flushes what holds them to it. */
  abstract void endResults() throws IOException;

  /**
   * Writes the document to the sink: the head, flushed, then {@link #copyResults()} where the
   * results go, then the tail.
   */
  abstract void writeDocument(Summary summary, Timings timings) throws IOException;

  /** Copies the buffered results to the sink. */
  final void copyResults() throws IOException {
    spill.copyTo(sink(), resultsStart);
  }
}
