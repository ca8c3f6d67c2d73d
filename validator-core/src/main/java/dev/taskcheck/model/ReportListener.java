package dev.taskcheck.model;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Receives a run as it happens: {@link #start} once, {@link #result} for every result in input
 * order, {@link #finish} once. Report writers are listeners, so a run over millions of resources
 * never holds its results in memory.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface ReportListener {

  default void start(RunInfo run) {}

  void result(Result result);

  /**
   * Called after each document, with the running totals of documents read and Task resources
   * validated (results alone do not show progress: a document of skipped resources gives none). For
   * progress displays; report writers ignore it.
   */
  default void progress(long documents, long resources) {}

  /**
   * Called once, just before {@link #finish}, when the run read Task histories or checked for stuck
   * Tasks: the lifecycle metrics (time in each status, stuck Tasks).
   */
  default void metrics(LifecycleMetrics metrics) {}

  default void finish(Summary summary, Timings timings) {}

  /** A listener that hands every event to each of {@code listeners}, in list order. */
  static ReportListener all(List<? extends ReportListener> listeners) {
    List<ReportListener> copy = List.copyOf(listeners);
    return new ReportListener() {
      @Override
      public void start(RunInfo run) {
        for (ReportListener l : copy) {
          l.start(run);
        }
      }

      @Override
      public void result(Result result) {
        for (ReportListener l : copy) {
          l.result(result);
        }
      }

      @Override
      public void progress(long documents, long resources) {
        for (ReportListener l : copy) {
          l.progress(documents, resources);
        }
      }

      @Override
      public void metrics(LifecycleMetrics metrics) {
        for (ReportListener l : copy) {
          l.metrics(metrics);
        }
      }

      @Override
      public void finish(Summary summary, Timings timings) {
        for (ReportListener l : copy) {
          l.finish(summary, timings);
        }
      }
    };
  }
}
