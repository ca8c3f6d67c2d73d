// Measures the validation engines on the same generated R4 Tasks, in one process: Jackson's tree
// parse (the practical limit, the baseline every other figure is a ratio of), the fast engine,
// TaskCheck's reference engine (the HL7 instance validator) and HAPI's FhirInstanceValidator as
// HAPI's documentation sets it up. For each: the time from creating the validator to its first
// result, and the throughput after warm-up on 1 and on N threads. It also counts the Tasks the
// fast engine covers and, of those, the ones on which its findings equal the reference engine's.
// --xml adds the fast engine on the same Tasks written as XML by HAPI's parsers.
//
// Then, for the fast engine and auto, paired rounds (--paired-rounds, 10; 0 leaves them out): one
// second of the engine and one of the baseline in turns (the order swapped each round), on 1 and on
// N threads, and the median and quartiles of the rounds' ratios. Each engine's figures above come
// from one stretch of time, the baseline's from another, and on a shared machine the two move apart
// by 20% from run to run (2026-12-07: the fast engine's 2-thread ratio 0.196-0.265 over four runs
// of
// one build); rounds in turns see the same machine, so their median moves less.
//
//   ./mvnw -q -DskipTests package && bench/engines.sh [--count 2000] [--seconds 10] [--threads N]
//       [--only fast,reference] [--skip-hapi] [--skip-agreement] [--xml] [--paired-rounds 10]
//
// Wall-clock figures: run on a quiet machine, and read the ratios, not the absolute numbers.
package dev.taskcheck.bench;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.ThreadMXBean;
import dev.taskcheck.TaskCheck;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.Result;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/** The engines side by side; see the comment at the top of the file. */
public final class EngineBench {

  private static final String REFERENCE = "TaskCheck reference engine";

  private EngineBench() {}

  /** One engine under measurement: built by {@code create}, then fed one Task at a time. */
  /** An engine to measure; {@code xml}: on the generated Tasks written as XML. */
  private record Engine(String name, Supplier<Consumer<String>> create, boolean xml) {

    Engine(String name, Supplier<Consumer<String>> create) {
      this(name, create, false);
    }
  }

  /**
   * What one engine measured; {@code perCpuSecond} and {@code bytesPerTask} are the 1-thread run's,
   * counted by the thread's CPU time and allocated bytes, which move less than wall-clock rates on
   * a shared machine.
   */
  private record Figures(
      String name,
      double firstMs,
      double perSecond1,
      double perSecondN,
      double perCpuSecond,
      double bytesPerTask) {}

  /** One thread's run: Tasks per second of wall clock and of its CPU time, bytes per Task. */
  private record Rate(double perSecond, double perCpuSecond, double bytesPerTask) {}

  public static void main(String[] args) throws Exception {
    int count = BenchArgs.intArg(args, "--count", 2000);
    double seconds = BenchArgs.doubleArg(args, "--seconds", 10);
    int threads = BenchArgs.intArg(args, "--threads", Runtime.getRuntime().availableProcessors());
    boolean hapi = !List.of(args).contains("--skip-hapi");
    double defectRate = BenchArgs.doubleArg(args, "--defect-rate", 0.4);

    List<String> tasks = BenchArgs.generate(count, defectRate);
    System.out.printf(
        Locale.ROOT,
        "%d generated R4 Tasks (seed 42, %.0f%% with one defect), %d s per measurement, %d"
            + " threads, Java %s, %d cores%n%n",
        count,
        defectRate * 100,
        (long) seconds,
        threads,
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());

    Instant now = Instant.parse("2025-06-01T00:00:00Z");
    ObjectMapper mapper = new ObjectMapper();
    List<Engine> engines = new ArrayList<>();
    engines.add(
        new Engine(
            "Jackson tree parse only (baseline)",
            () ->
                text -> {
                  try {
                    mapper.readTree(text);
                  } catch (IOException e) {
                    throw new IllegalStateException(e);
                  }
                }));
    engines.add(new Engine("TaskCheck fast engine (forced)", () -> taskCheck("fast", now)));
    engines.add(new Engine("TaskCheck auto (fast, else reference)", () -> taskCheck("auto", now)));
    List<String> xmlTasks = List.of();
    if (List.of(args).contains("--xml")) {
      // the same Tasks as XML, written by HAPI's parsers (what they cannot read is left out)
      xmlTasks = asXml(tasks);
      System.out.printf(
          Locale.ROOT, "--xml: HAPI wrote %d of the %d Tasks as XML%n%n", xmlTasks.size(), count);
      engines.add(
          new Engine("TaskCheck fast engine (forced), XML", () -> taskCheck("fast", now), true));
    }
    engines.add(new Engine(REFERENCE, () -> taskCheck("reference", now)));
    if (hapi) {
      engines.add(new Engine("HAPI FhirInstanceValidator (documented setup)", EngineBench::hapi));
    }

    String only = BenchArgs.arg(args, "--only", "");
    if (!only.isEmpty()) {
      // the baseline always runs; --only fast,reference keeps the engines whose names contain these
      List<String> wanted = List.of(only.toLowerCase(Locale.ROOT).split(",", -1));
      Engine baseline = engines.get(0);
      engines.removeIf(
          e ->
              !e.name.equals(baseline.name)
                  && wanted.stream().noneMatch(w -> e.name.toLowerCase(Locale.ROOT).contains(w)));
    }
    List<Figures> all = new ArrayList<>();
    List<Consumer<String>> validators = new ArrayList<>();
    for (Engine e : engines) {
      all.add(measure(e, e.xml ? xmlTasks : tasks, seconds, threads, validators));
    }

    Figures base = all.get(0);
    Figures reference = all.stream().filter(f -> f.name.equals(REFERENCE)).findFirst().orElse(base);
    System.out.printf(
        Locale.ROOT,
        "%n%-46s %12s %14s %14s %12s %12s%n",
        "engine",
        "first (ms)",
        "Tasks/s (1)",
        "Tasks/s (" + threads + ")",
        "x reference",
        "x baseline");
    for (Figures f : all) {
      System.out.printf(
          Locale.ROOT,
          "%-46s %12.0f %14.0f %14.0f %12.2f %12.4f%n",
          f.name,
          f.firstMs,
          f.perSecond1,
          f.perSecondN,
          f.perSecond1 / reference.perSecond1,
          f.perSecond1 / base.perSecond1);
    }
    System.out.printf(
        Locale.ROOT,
        "%n%-46s %16s %16s %18s%n",
        "steadier figures, 1 thread",
        "Tasks/CPU-second",
        "x baseline",
        "KB allocated/Task");
    for (Figures f : all) {
      System.out.printf(
          Locale.ROOT,
          "%-46s %16.0f %16.4f %18.1f%n",
          f.name,
          f.perCpuSecond,
          f.perCpuSecond / base.perCpuSecond,
          f.bytesPerTask / 1024);
    }
    int rounds = BenchArgs.intArg(args, "--paired-rounds", 10);
    if (rounds > 0) {
      System.out.printf(
          Locale.ROOT,
          "%npaired rounds: 1 s of the engine and 1 s of the baseline in turns, %d rounds on 1"
              + " thread and %d on %d; the ratio engine/baseline, median (quartiles)%n",
          rounds,
          rounds,
          threads);
      for (int i = 1; i < engines.size(); i++) {
        Engine e = engines.get(i);
        if (!e.xml && (e.name.contains("fast engine") || e.name.contains("auto"))) {
          paired(e.name, validators.get(0), validators.get(i), tasks, rounds, threads);
        }
      }
    }
    if (!List.of(args).contains("--skip-agreement")) {
      agreement(tasks, now);
    }
  }

  /**
   * Rounds of one second of {@code engine} and one of {@code baseline}, in turns, the order swapped
   * each round, on one thread and then on {@code threads}; prints the median and quartiles of the
   * rounds' ratios. Both are warmed up already ({@link #measure}).
   */
  private static void paired(
      String name,
      Consumer<String> baseline,
      Consumer<String> engine,
      List<String> tasks,
      int rounds,
      int threads)
      throws Exception {
    double[] one = new double[rounds];
    double[] many = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      boolean engineFirst = r % 2 == 0;
      double a = run(engineFirst ? engine : baseline, tasks, 1).perSecond();
      double b = run(engineFirst ? baseline : engine, tasks, 1).perSecond();
      one[r] = engineFirst ? a / b : b / a;
    }
    for (int r = 0; r < rounds; r++) {
      boolean engineFirst = r % 2 == 0;
      double a = window(List.of(engineFirst ? engine : baseline), tasks, 1, threads);
      double b = window(List.of(engineFirst ? baseline : engine), tasks, 1, threads);
      many[r] = engineFirst ? a / b : b / a;
    }
    System.out.printf(
        Locale.ROOT,
        "%-46s 1 thread %.4f (%.4f-%.4f)   %d threads %.4f (%.4f-%.4f)%n",
        name,
        quantile(one, 0.5),
        quantile(one, 0.25),
        quantile(one, 0.75),
        threads,
        quantile(many, 0.5),
        quantile(many, 0.25),
        quantile(many, 0.75));
  }

  /** The {@code q} quantile of the values, linearly interpolated between the nearest two. */
  static double quantile(double[] values, double q) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    double at = q * (sorted.length - 1);
    int low = (int) Math.floor(at);
    int high = Math.min(low + 1, sorted.length - 1);
    return sorted[low] + (at - low) * (sorted[high] - sorted[low]);
  }

  /** Coverage and agreement of the fast engine against the reference engine on the same Tasks. */
  private static void agreement(List<String> tasks, Instant now) {
    TaskCheck fast =
        TaskCheck.builder().engine("fast").fhirVersion(FhirRelease.R4).now(now).build();
    TaskCheck reference =
        TaskCheck.builder().engine("reference").fhirVersion(FhirRelease.R4).now(now).build();
    int covered = 0;
    int agreed = 0;
    List<String> firstDifferences = new ArrayList<>();
    for (int n = 0; n < tasks.size(); n++) {
      List<Result> f = fast.validateText(tasks.get(n), "task-" + n + ".json");
      if (notCovered(f)) {
        continue;
      }
      covered++;
      SortedSet<String> a = keys(f);
      SortedSet<String> e = keys(reference.validateText(tasks.get(n), "task-" + n + ".json"));
      if (a.equals(e)) {
        agreed++;
      } else if (firstDifferences.size() < 5) {
        TreeSet<String> missing = new TreeSet<>(e);
        missing.removeAll(a);
        TreeSet<String> extra = new TreeSet<>(a);
        extra.removeAll(e);
        firstDifferences.add("task-" + n + ": missing " + missing + ", extra " + extra);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%nfast engine: covers %d of %d Tasks (%.1f%%); same findings as the reference engine on %d"
            + " of the %d covered%n",
        covered,
        tasks.size(),
        100.0 * covered / tasks.size(),
        agreed,
        covered);
    firstDifferences.forEach(d -> System.out.println("  " + d));
  }

  private static boolean notCovered(List<Result> results) {
    for (Result r : results) {
      for (Issue i : r.issues()) {
        if ("taskcheck-fast-not-covered".equals(i.messageId())) {
          return true;
        }
      }
    }
    return false;
  }

  private static SortedSet<String> keys(List<Result> results) {
    TreeSet<String> out = new TreeSet<>();
    for (Result r : results) {
      for (Issue i : r.issues()) {
        out.add(
            i.ruleId()
                + " "
                + i.severity().code()
                + " "
                + i.expression()
                + " @"
                + i.line()
                + ":"
                + i.column());
      }
    }
    return out;
  }

  private static Consumer<String> taskCheck(String engine, Instant now) {
    TaskCheck tc =
        TaskCheck.builder().engine(engine).fhirVersion(FhirRelease.R4).now(now).threads(1).build();
    return text -> tc.validateText(text, text.startsWith("<") ? "task.xml" : "task.json");
  }

  /**
   * The Tasks as HAPI's XML parser writes them (pretty-printed), leaving out those it cannot read.
   */
  private static List<String> asXml(List<String> json) {
    FhirContext ctx = FhirContext.forR4();
    List<String> out = new ArrayList<>(json.size());
    for (String t : json) {
      try {
        out.add(
            ctx.newXmlParser()
                .setPrettyPrint(true)
                .encodeResourceToString(ctx.newJsonParser().parseResource(t)));
      } catch (RuntimeException e) {
        // a Task whose defect HAPI's lenient parser cannot read: no XML form of it
      }
    }
    return out;
  }

  /** HAPI's instance validator, set up as HAPI's documentation shows, offline. */
  private static Consumer<String> hapi() {
    FhirContext ctx = FhirContext.forR4();
    ValidationSupportChain chain =
        new ValidationSupportChain(
            ctx.getValidationSupport(),
            new InMemoryTerminologyServerValidationSupport(ctx),
            new CommonCodeSystemsTerminologyService(ctx),
            new SnapshotGeneratingValidationSupport(ctx));
    FhirValidator validator = ctx.newValidator();
    validator.registerValidatorModule(new FhirInstanceValidator(chain));
    return validator::validateWithResult;
  }

  /** Measures one engine; adds the validator it made and warmed up to {@code validators}. */
  private static Figures measure(
      Engine engine,
      List<String> tasks,
      double seconds,
      int threads,
      List<Consumer<String>> validators)
      throws Exception {
    System.out.println("measuring " + engine.name + " ...");
    long t0 = System.nanoTime();
    Consumer<String> first = engine.create.get();
    validators.add(first);
    first.accept(tasks.get(0));
    double firstMs = (System.nanoTime() - t0) / 1e6;
    double warm = warmUp(first, tasks, seconds / 3);
    Rate one = run(first, tasks, seconds);
    double many =
        threads <= 1 ? one.perSecond() : runParallel(engine, first, tasks, seconds, threads);
    System.out.printf(
        Locale.ROOT,
        "  first result %.0f ms, warmed up in %.0f s, %.0f Tasks/s on 1 thread (%.0f per"
            + " CPU-second, %.1f KB allocated per Task), %.0f on %d%n",
        firstMs,
        warm,
        one.perSecond(),
        one.perCpuSecond(),
        one.bytesPerTask() / 1024,
        many,
        threads);
    return new Figures(
        engine.name, firstMs, one.perSecond(), many, one.perCpuSecond(), one.bytesPerTask());
  }

  /**
   * Runs the validator in one-second windows until the JIT has settled: at least {@code
   * minSeconds}, then until three windows in a row are no more than 3% faster (per CPU-second) than
   * the best window before them, at most 60 s. The fast engine needs 6-10 s on a 2-core machine; a
   * fixed third of the measuring time measured it half-compiled (2026-12-06: 4,000 to 9,800 Tasks
   * per CPU-second from run to run). Returns the seconds spent.
   */
  private static double warmUp(Consumer<String> validator, List<String> tasks, double minSeconds) {
    long start = System.nanoTime();
    double best = 0;
    int settled = 0;
    while (true) {
      double rate = run(validator, tasks, 1).perCpuSecond();
      double elapsed = (System.nanoTime() - start) / 1e9;
      settled = rate > best * 1.03 ? 0 : settled + 1;
      best = Math.max(best, rate);
      if ((elapsed >= minSeconds && settled >= 3) || elapsed >= 60) {
        return elapsed;
      }
    }
  }

  /** Tasks per second on this thread, over at least {@code seconds}. */
  private static Rate run(Consumer<String> validator, List<String> tasks, double seconds) {
    ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    long cpuStart = mx.getCurrentThreadCpuTime();
    long bytesStart = mx.getThreadAllocatedBytes(thread);
    long start = System.nanoTime();
    long deadline = start + (long) (seconds * 1e9);
    long done = 0;
    int n = 0;
    while (System.nanoTime() < deadline) {
      validator.accept(tasks.get(n));
      n = n + 1 == tasks.size() ? 0 : n + 1;
      done++;
    }
    double wall = (System.nanoTime() - start) / 1e9;
    double cpu = (mx.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    long bytes = mx.getThreadAllocatedBytes(thread) - bytesStart;
    return new Rate(done / wall, done / cpu, (double) bytes / done);
  }

  /**
   * Tasks per second on {@code threads} threads sharing the engine where it is thread-safe (the
   * TaskCheck engines, Jackson); HAPI's validator gets one instance per thread.
   */
  private static double runParallel(
      Engine engine, Consumer<String> shared, List<String> tasks, double seconds, int threads)
      throws Exception {
    boolean perThread = engine.name.startsWith("HAPI");
    List<Consumer<String>> validators = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      validators.add(perThread && t > 0 ? engine.create.get() : shared);
    }
    for (Consumer<String> v : validators) {
      run(v, tasks, Math.min(1, seconds / 3));
    }
    return window(validators, tasks, seconds, threads);
  }

  /**
   * Tasks per second on {@code threads} threads over {@code seconds}: thread t runs {@code
   * validators.get(t)}, or the last one when there are fewer.
   */
  private static double window(
      List<Consumer<String>> validators, List<String> tasks, double seconds, int threads)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      AtomicBoolean stop = new AtomicBoolean();
      List<Future<Long>> counts = new ArrayList<>();
      long start = System.nanoTime();
      for (int t = 0; t < threads; t++) {
        Consumer<String> v = validators.get(Math.min(t, validators.size() - 1));
        int offset = t * tasks.size() / threads;
        counts.add(
            pool.submit(
                () -> {
                  long done = 0;
                  int n = offset;
                  while (!stop.get()) {
                    v.accept(tasks.get(n));
                    n = n + 1 == tasks.size() ? 0 : n + 1;
                    done++;
                  }
                  return done;
                }));
      }
      Thread.sleep((long) (seconds * 1000));
      stop.set(true);
      long total = 0;
      for (Future<Long> f : counts) {
        total += f.get();
      }
      return total / ((System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }
}
