package dev.taskcheck.cli;

import dev.taskcheck.model.ReportListener;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.RunInfo;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Progress on standard error while a run is long: at a terminal, one line redrawn a few times a
 * second; elsewhere (CI logs), a line every 30 seconds. Silent for runs shorter than the first
 * tick.
 */
final class Progress implements ReportListener {

  private final PrintStream err;
  private final boolean enabled;
  private final boolean interactive = Terminal.interactive();
  private final AtomicLong documents = new AtomicLong();
  private final AtomicLong resources = new AtomicLong();
  private final long startNanos = System.nanoTime();
  private volatile boolean running = true;
  private volatile boolean drew;
  private @Nullable Thread ticker;

  Progress(PrintStream err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  @Override
  public void start(RunInfo run) {
    if (!enabled) {
      return;
    }
    long period = interactive ? 250 : 30_000;
    ticker =
        new Thread(
            () -> {
              try {
                Thread.sleep(interactive ? 1000 : period);
                while (running) {
                  draw();
                  Thread.sleep(period);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "taskcheck-progress");
    ticker.setDaemon(true);
    ticker.start();
  }

  @Override
  public void result(Result result) {
    // counted through progress()
  }

  @Override
  public void progress(long documentsRead, long resourcesValidated) {
    documents.set(documentsRead);
    resources.set(resourcesValidated);
  }

  private synchronized void draw() {
    if (!running) {
      return;
    }
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    long docs = documents.get();
    long tasks = resources.get();
    String line =
        docs == 0
            ? String.format(Locale.ROOT, "taskcheck: loading FHIR definitions... %.0f s", seconds)
            : String.format(
                Locale.ROOT,
                "taskcheck: %,d documents read, %,d Tasks validated in %.0f s (%,.0f documents/s)",
                docs,
                tasks,
                seconds,
                docs / seconds);
    if (interactive) {
      err.print("\r" + line + "\u001b[K");
    } else {
      err.println(line);
    }
    err.flush();
    drew = true;
  }

  /** Stops the ticker and clears the progress line. */
  synchronized void stop() {
    running = false;
    if (ticker != null) {
      ticker.interrupt();
    }
    if (drew && interactive) {
      err.print("\r\u001b[K");
      err.flush();
    }
  }
}
