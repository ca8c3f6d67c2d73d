package dev.taskcheck.engine;

import dev.taskcheck.model.ReportListener;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.RuleSet;
import dev.taskcheck.model.RunInfo;
import dev.taskcheck.model.RunTotals;
import dev.taskcheck.source.SourceLimits;
import dev.taskcheck.source.Sources;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the pipeline tests share: NDJSON of small Tasks, run through a pipeline as standard input.
 */
final class PipelineRuns {

  private PipelineRuns() {}

  /** {@code n} lines of {@code {"resourceType":"Task","id":"t<line>"}}. */
  static String tasks(int n) {
    StringBuilder ndjson = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      ndjson.append("{\"resourceType\":\"Task\",\"id\":\"t").append(i).append("\"}\n");
    }
    return ndjson.toString();
  }

  /**
   * Runs {@code ndjson}, given as standard input ({@code -}), through a pipeline of {@code threads}
   * workers, handing each result to {@code results}; the run names {@code engine}.
   */
  static RunTotals run(
      DocumentProcessor processor,
      int threads,
      String ndjson,
      String engine,
      Consumer<Result> results)
      throws IOException, InterruptedException {
    byte[] bytes = ndjson.getBytes(StandardCharsets.UTF_8);
    try (Sources sources =
        Sources.open(
            List.of("-"),
            Path.of("."),
            () -> new ByteArrayInputStream(bytes),
            SourceLimits.defaults())) {
      return new Pipeline(processor, threads)
          .run(
              sources,
              new RunInfo(
                  "taskcheck",
                  "test",
                  "R4",
                  RuleSet.RECOMMENDED,
                  engine,
                  Instant.EPOCH,
                  Instant.EPOCH),
              new ReportListener() {
                @Override
                public void result(Result result) {
                  results.accept(result);
                }
              });
    }
  }
}
