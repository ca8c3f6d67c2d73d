package dev.taskcheck.engine.fast;

import dev.taskcheck.engine.DocumentUnit;
import dev.taskcheck.engine.IssueSink;
import dev.taskcheck.engine.Stage;
import dev.taskcheck.engine.StructureIds;
import dev.taskcheck.model.EngineChoice;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.IssueSource;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.Severity;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The structure stage as the run chose it: the fast engine where it covers a document and the
 * reference engine elsewhere ({@code auto}), or one of them only. The reference engine is created
 * when a document first needs it, so a run the fast engine covers never loads HAPI.
 */
public final class AutoEngine implements Stage {

  private final EngineChoice choice;
  private final FastEngine fast;
  private final Supplier<? extends Stage> reference;
  private volatile @Nullable Stage loaded;

  public AutoEngine(EngineChoice choice, FastEngine fast, Supplier<? extends Stage> reference) {
    this.choice = choice;
    this.fast = fast;
    this.reference = reference;
  }

  @Override
  public String name() {
    return choice.code();
  }

  /**
   * Checks the document with the engine the choice gives, and tells {@code sink} which one ran
   * ({@link IssueSink#checkedBy}): {@code fast} or {@code reference}, nothing when the fast engine
   * did not cover the document under {@code fast} (its structure was not checked).
   */
  @Override
  public void check(DocumentUnit unit, IssueSink sink) {
    if (choice == EngineChoice.REFERENCE) {
      reference().check(unit, sink);
      sink.checkedBy(Result.ENGINE_REFERENCE);
      return;
    }
    String reason = fast.tryCheck(unit, sink);
    if (reason == null) {
      sink.checkedBy(Result.ENGINE_FAST);
      return;
    }
    if (choice == EngineChoice.AUTO) {
      reference().check(unit, sink);
      sink.checkedBy(Result.ENGINE_REFERENCE);
      return;
    }
    // on every Task of the document, so that the finding is routed to each of them
    for (var task : unit.tasks()) {
      var node = task.node();
      sink.add(
          new Issue(
              StructureIds.OTHER,
              Severity.WARNING,
              "not-supported",
              task.path(),
              node.line(),
              node.column(),
              "the fast engine does not check this document ("
                  + reason
                  + "), so its structure was not"
                  + " checked; run with --engine auto or --engine reference to check it",
              IssueSource.STRUCTURE,
              "taskcheck-fast-not-covered"));
    }
  }

  private Stage reference() {
    Stage r = loaded;
    if (r == null) {
      synchronized (this) {
        r = loaded;
        if (r == null) {
          r = reference.get();
          loaded = r;
        }
      }
    }
    return r;
  }
}
