package dev.taskcheck.report;

import dev.taskcheck.model.LifecycleMetrics;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.RunInfo;
import dev.taskcheck.model.Summary;
import dev.taskcheck.model.Timings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Several report files written as one set: all of them appear, or none changes. Each is written to
 * its temporary file; {@link #close()} after a successful {@code finish} first writes every one out
 * and forces it to disk (where a full disk or an I/O error shows), and only when all succeeded
 * renames them onto their targets. If any fails, every temporary file is deleted and the previous
 * reports stay as they were.
 */
final class ReportFileSet implements ReportOutput {

  private final List<AtomicFileOutput> members;

  ReportFileSet(List<AtomicFileOutput> members) {
    this.members = List.copyOf(members);
  }

  @Override
  public void start(RunInfo run) {
    for (AtomicFileOutput m : members) {
      m.start(run);
    }
  }

  @Override
  public void result(Result result) {
    for (AtomicFileOutput m : members) {
      m.result(result);
    }
  }

  @Override
  public void metrics(LifecycleMetrics metrics) {
    for (AtomicFileOutput m : members) {
      m.metrics(metrics);
    }
  }

  @Override
  public void finish(Summary summary, Timings timings) {
    for (AtomicFileOutput m : members) {
      m.finish(summary, timings);
    }
  }

  @Override
  public void close() throws IOException {
    List<AtomicFileOutput> prepared = new ArrayList<>();
    Exception failure = null;
    boolean all = true;
    for (AtomicFileOutput m : members) {
      try {
        if (m.prepare()) {
          prepared.add(m);
        } else {
          all = false;
        }
      } catch (IOException | RuntimeException e) {
        all = false;
        failure = chain(failure, e);
      }
    }
    if (!all) {
      for (AtomicFileOutput p : prepared) {
        p.discardPrepared();
      }
      throwIfAny(failure);
      return;
    }
    for (AtomicFileOutput p : prepared) {
      try {
        p.commit();
      } catch (IOException | RuntimeException e) {
        failure = chain(failure, e);
      }
    }
    throwIfAny(failure);
  }

  private static Exception chain(@Nullable Exception first, Exception next) {
    if (first == null) {
      return next;
    }
    first.addSuppressed(next);
    return first;
  }

  private static void throwIfAny(@Nullable Exception failure) throws IOException {
    if (failure instanceof IOException io) {
      throw io;
    }
    if (failure instanceof UncheckedIOException u && u.getCause() != null) {
      throw u.getCause();
    }
    if (failure instanceof RuntimeException r) {
      throw r;
    }
  }
}
