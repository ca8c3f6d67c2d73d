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
  private volatile long lastResultNanos = startNanos;
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
    if (documents.getAndSet(documentsRead) != documentsRead) {
      lastResultNanos = System.nanoTime();
    }
    resources.set(resourcesValidated);
  }

  private synchronized void draw() {
    if (!running) {
      return;
    }
    long now = System.nanoTime();
    String line =
        line(
            documents.get(),
            resources.get(),
            (now - startNanos) / 1e9,
            (now - lastResultNanos) / 1e9);
    if (interactive) {
      err.print("\r" + line + "\u001b[K");
    } else {
      err.println(line);
    }
    err.flush();
    drew = true;
  }

  /** After this long without a new result, the line says the run is waiting on a document. */
  static final double STALLED_SECONDS = 5;

  /**
   * The progress line: what is done, and what the run is doing now. Before the first result the run
   * both loads the FHIR definitions (on first use) and validates the first document, so the line
   * names both; later, a pause in results is a document that takes long, and the line says so
   * instead of repeating a rate that no longer moves.
   */
  static String line(long docs, long tasks, double seconds, double sinceLastResult) {
    if (docs == 0) {
      return String.format(
          Locale.ROOT,
          "taskcheck: validating the first document (FHIR definitions load on first use)... %.0f s",
          seconds);
    }
    String done =
        String.format(
            Locale.ROOT,
            "taskcheck: %,d documents read, %,d Tasks validated in %.0f s",
            docs,
            tasks,
            seconds);
    if (sinceLastResult >= STALLED_SECONDS) {
      return done
          + String.format(
              Locale.ROOT,
              "; still validating: no new result for %.0f s (a large or complex document)",
              sinceLastResult);
    }
    return done + String.format(Locale.ROOT, " (%,.0f documents/s)", docs / seconds);
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
