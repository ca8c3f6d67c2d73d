package dev.taskcheck.report;

import dev.taskcheck.model.LifecycleMetrics;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.RunInfo;
import dev.taskcheck.model.Summary;
import dev.taskcheck.model.Timings;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * The lifecycle every report writer shares. A writer is open until {@link #finish}, which writes
 * the rest of the report and flushes the sink; after {@code finish} (even one that failed) and
 * after {@link #close}, listener calls throw {@link IllegalStateException}. {@link #close} releases
 * what the writer holds (the resources it registered with {@link #owned}, the last registered
 * first), then closes the sink, whether the report was finished or not; it writes nothing itself.
 * Listener methods report I/O failures as {@link UncheckedIOException}, {@code close} as {@link
 * IOException}.
 *
 * <p>A format says what it does with a result ({@link #write}) and what it writes at the end
 * ({@link #complete}). The run and the lifecycle metrics are kept here for it.
 */
abstract class ReportWriter implements ReportOutput {

  private enum State {
    OPEN,
    FINISHED,
    CLOSED
  }

  private final OutputStream sink;

  /** Closed by {@link #close()} in this order, before the sink. */
  private final Deque<Closeable> resources = new ArrayDeque<>();

  private State state = State.OPEN;
  private @Nullable RunInfo run;
  private @Nullable LifecycleMetrics metrics;

  /**
   * @param sink the stream the report goes to; closed by {@link #close()}
   */
  ReportWriter(OutputStream sink) {
    this.sink = sink;
  }

  @Override
  public final void start(RunInfo runInfo) {
    ensureOpen();
    this.run = runInfo;
    started(runInfo);
  }

  @Override
  public final void result(Result result) {
    ensureOpen();
    try {
      write(result);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public final void metrics(LifecycleMetrics lifecycle) {
    ensureOpen();
    this.metrics = lifecycle;
  }

  @Override
  public final void finish(Summary summary, Timings timings) {
    ensureOpen();
    state = State.FINISHED;
    try {
      complete(summary, timings);
      sink.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Releases what the writer holds and closes the sink; writes nothing, finished or not. */
  @Override
  public final void close() throws IOException {
    if (state == State.CLOSED) {
      return;
    }
    state = State.CLOSED;
    resources.addLast(sink);
    Closeables.closeAll(resources.toArray(new Closeable[0]));
  }

  /** Called by {@link #start} once the run is kept; the default does nothing. */
  void started(RunInfo runInfo) {}

  /** Writes or records one result. */
  abstract void write(Result result) throws IOException;

  /** Writes what the report still lacks, at {@link #finish}; the sink is flushed afterwards. */
  abstract void complete(Summary summary, Timings timings) throws IOException;

  /**
   * Registers {@code resource} to be closed by {@link #close()}: before the sink, and before the
   * resources registered earlier (as try-with-resources would).
   */
  final <T extends Closeable> T owned(T resource) {
    resources.addFirst(resource);
    return resource;
  }

  /** The stream the report goes to. */
  final OutputStream sink() {
    return sink;
  }

  /** The run, or null before {@link #start}. */
  final @Nullable RunInfo run() {
    return run;
  }

  /** The run; a writer whose report needs it calls this at {@link #complete}. */
  final RunInfo requireRun() {
    RunInfo r = run;
    if (r == null) {
      throw new IllegalStateException("finish called before start");
    }
    return r;
  }

  /** The lifecycle metrics, or null when the run sent none. */
  final @Nullable LifecycleMetrics lifecycleMetrics() {
    return metrics;
  }

  private void ensureOpen() {
    switch (state) {
      case OPEN -> {}
      case FINISHED -> throw new IllegalStateException("report already finished");
      case CLOSED -> throw new IllegalStateException("report output is closed");
    }
  }
}
