package dev.taskcheck.engine.fast;

import dev.taskcheck.engine.DocumentUnit;
import dev.taskcheck.engine.IssueSink;
import dev.taskcheck.engine.Stage;
import dev.taskcheck.model.Issue;
import java.util.function.Consumer;

/**
 * A pipeline stage that runs a fast engine and hands each of its findings, as the engine made them
 * (before the issue policy), to {@code raw} too; a document the engine does not cover is told to
 * {@code notCovered} and gets no finding.
 */
record RecordingStage(FastEngine engine, Consumer<Issue> raw, Consumer<String> notCovered)
    implements Stage {

  @Override
  public String name() {
    return engine.name();
  }

  @Override
  public void check(DocumentUnit unit, IssueSink sink) {
    String reason =
        engine.tryCheck(
            unit,
            new IssueSink() {
              @Override
              public void add(Issue issue) {
                raw.accept(issue);
                sink.add(issue);
              }

              @Override
              public void checkedBy(String e) {
                sink.checkedBy(e);
              }
            });
    if (reason != null) {
      notCovered.accept(reason);
    } else {
      sink.checkedBy(engine.name());
    }
  }
}
