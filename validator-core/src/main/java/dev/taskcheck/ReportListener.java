package dev.taskcheck;

/**
 * Receives a run as it happens: {@link #start} once, {@link #result} for every result in input order,
 * {@link #finish} once. Report writers are listeners, so a run over millions of resources never holds its
 * results in memory.
 */
public interface ReportListener {

  default void start(RunInfo run) {}

  void result(Result result);

  /**
   * Called after each document, with the running totals of documents read and Task resources validated
   * (results alone do not show progress: a document of skipped resources gives none). For progress
   * displays; report writers ignore it.
   */
  default void progress(long documents, long resources) {}

  /**
   * Called once, just before {@link #finish}, when the run read Task histories or checked for stuck Tasks:
   * the lifecycle metrics (time in each status, stuck Tasks).
   */
  default void metrics(LifecycleMetrics metrics) {}

  default void finish(Summary summary, Timings timings) {}
}
