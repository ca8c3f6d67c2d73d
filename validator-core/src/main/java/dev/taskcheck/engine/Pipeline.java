package dev.taskcheck.engine;

import dev.taskcheck.fhir.TaskVersion;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.ReportListener;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.RunInfo;
import dev.taskcheck.model.RunTotals;
import dev.taskcheck.model.Summary;
import dev.taskcheck.model.Timings;
import dev.taskcheck.source.RawDocument;
import dev.taskcheck.source.SourceItem;
import dev.taskcheck.source.SourceProblem;
import dev.taskcheck.source.Sources;
import dev.taskcheck.source.TextDocument;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Runs a whole validation: reads the sources in order, processes documents on all cores, and hands
 * the results to the listener in input order. At most a small window of documents is in flight, so
 * memory stays flat however many documents there are.
 */
public final class Pipeline {

  private final DocumentProcessor processor;
  private final int threads;
  private @Nullable Duration stuckAfter;
  private boolean givenOrder;

  /** The most worker threads a run ever uses, whatever the machine: validation is CPU-bound. */
  public static final int THREAD_CEILING = 256;

  /** How many worker threads a run may have per available processor. */
  private static final int THREADS_PER_PROCESSOR = 4;

  public Pipeline(DocumentProcessor processor, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
    this.processor = processor;
    // as many threads as one processor may have are always allowed: the processor count (a read
    // of the container's limits, slow enough to show when a library call validates one small
    // document) is not asked
    this.threads =
        threads <= THREADS_PER_PROCESSOR
            ? threads
            : effectiveThreads(threads, Runtime.getRuntime().availableProcessors());
  }

  /**
   * The worker threads a run uses for the count asked: at most four per available processor and
   * never more than {@link #THREAD_CEILING} (more threads than that only queue for the cores and
   * cost a stack each; one per input over 100,000 files exhausts the operating system).
   */
  public static int effectiveThreads(int requested, int processors) {
    int cap =
        (int) Math.min(THREAD_CEILING, (long) THREADS_PER_PROCESSOR * Math.max(1, processors));
    return Math.max(1, Math.min(requested, cap));
  }

  /** The worker threads this pipeline uses (the count asked, capped). */
  public int threads() {
    return threads;
  }

  /**
   * Sets what the lifecycle metrics report: the stuck threshold, and whether versions gathered
   * across documents form one history in input order ({@code diff}) rather than being grouped and
   * sorted.
   */
  public Pipeline histories(@Nullable Duration stuckThreshold, boolean inGivenOrder) {
    this.stuckAfter = stuckThreshold;
    this.givenOrder = inGivenOrder;
    return this;
  }

  public RunTotals run(Sources sources, RunInfo run, ReportListener listener)
      throws InterruptedException {
    long start = System.nanoTime();
    Counter counter = new Counter(start, stuckAfter);
    listener.start(run);
    drive(sources, p -> counter.emit(p, listener));
    if (!counter.versions.isEmpty()) {
      List<TaskVersion> versions = counter.versions;
      counter.versions = new ArrayList<>();
      counter.emit(processor.histories(versions, givenOrder), listener);
    }
    RunTotals outcome = counter.outcome(sources.inputs());
    if (outcome.metrics() != null) {
      listener.metrics(outcome.metrics());
    }
    listener.finish(outcome.summary(), outcome.timings());
    return outcome;
  }

  /**
   * The results of a run whose counts, timings and metrics nobody reads ({@code
   * TaskCheck.validateText}), in input order, the histories' last: the same results {@link #run}
   * hands its listener, without the totals made for each.
   */
  public List<Result> results(Sources sources) throws InterruptedException {
    List<Result> out = new ArrayList<>(1);
    List<TaskVersion> versions = new ArrayList<>(0);
    drive(
        sources,
        p -> {
          out.addAll(p.results());
          versions.addAll(p.versions());
        });
    if (!versions.isEmpty()) {
      out.addAll(processor.histories(versions, givenOrder).results());
    }
    return out;
  }

  /** Processes every item of {@code sources}, handing each outcome to {@code sink} in order. */
  private void drive(Sources sources, Consumer<Processed> sink) throws InterruptedException {
    // one document (a library call on a string, a file of one Task) is checked on the calling
    // thread: starting worker threads for it costs more than checking it
    SourceItem first = sources.hasNext() ? sources.next() : null;
    if (first != null && (threads == 1 || !sources.hasNext())) {
      sink.accept(processGuarded(first));
      while (sources.hasNext()) {
        sink.accept(processGuarded(sources.next()));
      }
    } else if (first != null) {
      ExecutorService pool = Executors.newFixedThreadPool(threads, new WorkerThreads());
      try {
        Deque<Future<Processed>> window = new ArrayDeque<>();
        int maxInFlight = threads * 4;
        window.addLast(pool.submit(() -> processGuarded(first)));
        while (sources.hasNext()) {
          SourceItem item = sources.next();
          window.addLast(pool.submit(() -> processGuarded(item)));
          while (window.size() >= maxInFlight
              || (!window.isEmpty() && window.peekFirst().isDone())) {
            sink.accept(take(window.removeFirst()));
          }
        }
        while (!window.isEmpty()) {
          sink.accept(take(window.removeFirst()));
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /**
   * Processes one item; when the heap runs out on it, that document gets a fatal finding and the
   * run goes on. What the document allocated is garbage once the error has unwound its stack, so
   * the small finding can still be made. (With several workers the error may strike a small
   * document that happened to allocate while a large one held the memory; it is reported the same
   * way.)
   */
  Processed processGuarded(SourceItem item) {
    try {
      return processor.process(item);
    } catch (OutOfMemoryError e) {
      Integer line = item.documentLine();
      String size =
          item instanceof RawDocument d
              ? " (" + d.bytes().length + " bytes)"
              : item instanceof TextDocument t ? " (" + t.text().length() + " characters)" : "";
      return processor.process(
          new SourceProblem(
              item.source(),
              line,
              "not enough memory to validate this document"
                  + size
                  + "; the other documents were checked. Give TaskCheck more memory (-Xmx), or"
                  + " split the document",
              "too-costly"));
    }
  }

  private static Processed take(Future<Processed> f) throws InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      // process() never throws; anything here is an Error such as OutOfMemoryError
      Throwable cause = e.getCause();
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }

  /** Running counts, updated on the calling thread as results are emitted. */
  private static final class Counter {
    private final long start;
    private long documents;
    private long resources;
    private long skipped;
    private long fatal;
    private long error;
    private long warning;
    private long information;
    private final Map<FhirRelease, Long> releases = new EnumMap<>(FhirRelease.class);
    private final Map<String, Long> engines = new TreeMap<>();
    private @Nullable Long firstResultNanos;
    private long suppressed;
    private List<TaskVersion> versions = new ArrayList<>();
    private final MetricsCollector metrics;
    private boolean measured;

    Counter(long start, @Nullable Duration stuckAfter) {
      this.start = start;
      this.metrics = new MetricsCollector(stuckAfter);
      this.measured = stuckAfter != null;
    }

    void emit(Processed p, ReportListener listener) {
      documents += p.documents();
      resources += p.resources();
      skipped += p.skipped();
      versions.addAll(p.versions());
      for (MetricsCollector.HistoryMetrics m : p.histories()) {
        metrics.add(m);
        measured = true;
      }
      if (p.release() != null && p.resources() > 0) {
        releases.merge(p.release(), (long) p.resources(), Long::sum);
      }
      String engine = p.engine();
      if (engine != null && p.resources() > 0) {
        engines.merge(engine, (long) p.resources(), Long::sum);
      }
      for (Result r : p.results()) {
        if (firstResultNanos == null) {
          firstResultNanos = System.nanoTime();
        }
        for (Issue i : r.issues()) {
          switch (i.severity()) {
            case FATAL -> fatal++;
            case ERROR -> error++;
            case WARNING -> warning++;
            case INFORMATION -> information++;
          }
        }
        suppressed += r.suppressed().size();
        listener.result(r);
      }
      listener.progress(documents, resources);
    }

    RunTotals outcome(long inputs) {
      long end = System.nanoTime();
      Long firstMs = null;
      Long processMs = null;
      if (firstResultNanos != null) {
        long first = (firstResultNanos - start) / 1_000_000;
        long uptimeAtStart =
            System.currentTimeMillis() - JvmStart.MILLIS - (end - start) / 1_000_000;
        firstMs = first;
        processMs = uptimeAtStart + first;
      }
      Summary summary =
          new Summary(
              inputs,
              documents,
              resources,
              skipped,
              fatal,
              error,
              warning,
              information,
              releases,
              suppressed,
              engines);
      return new RunTotals(
          summary,
          new Timings((end - start) / 1_000_000, firstMs, processMs),
          measured ? metrics.result() : null);
    }
  }

  /** When the JVM started, read once (a management call costs more than a small run). */
  private static final class JvmStart {
    static final long MILLIS = ManagementFactory.getRuntimeMXBean().getStartTime();
  }

  /** Daemon worker threads with recognisable names. */
  private static final class WorkerThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "taskcheck-worker-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
