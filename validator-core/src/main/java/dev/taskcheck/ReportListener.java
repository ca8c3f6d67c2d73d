package dev.taskcheck;

/**
 * Receives a run as it happens: {@link #start} once, {@link #result} for every result in input order,
 * {@link #finish} once. Report writers are listeners, so a run over millions of resources never holds its
 * results in memory.
 */
public interface ReportListener {

  default void start(RunInfo run) {}

  void result(Result result);

  default void finish(Summary summary, Timings timings) {}
}
