// The same-process form of bench/ab.sh: two builds of TaskCheck, each in a class loader of its own,
// validate the same generated Tasks in alternating rounds on one thread; each round of the change
// is
// paired with the baseline's rounds just before and after it. Uses only TaskCheck's public API,
// through reflection, so it runs against an older build's jar too.
package dev.taskcheck.bench;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Tasks per second of two builds measured in turns in one process (bench/ab.sh {@code
 * --same-process}). On a shared machine a process's rate moves by 2x within seconds, and two
 * processes on two cores do not move together; rounds of 0.2-0.5 s taken in turns on one core see
 * nearly the same machine, so their ratio is steadier.
 */
public final class PairBench {

  private PairBench() {}

  /** One build: its TaskCheck instance and validateText. */
  private record Side(String name, Object taskCheck, Method validateText) {

    long round(List<String> tasks) throws ReflectiveOperationException {
      long findings = 0;
      for (String t : tasks) {
        findings += ((List<?>) validateText.invoke(taskCheck, t, "task.json")).size();
      }
      return findings;
    }
  }

  public static void main(String[] args) throws Exception {
    Path baseline = Path.of(BenchArgs.arg(args, "--baseline", ""));
    Path change = Path.of(BenchArgs.arg(args, "--change", ""));
    BenchArgs.Rounds run = BenchArgs.Rounds.read(args, 3000, 60, 40);
    List<String> tasks = run.tasks();
    int rounds = run.rounds();
    // which build is loaded and warmed first: a process is run each way (bench/ab.sh)
    boolean changeFirst = Boolean.parseBoolean(BenchArgs.arg(args, "--change-first", "false"));
    Side a;
    Side b;
    if (changeFirst) {
      b = side("change", change, run.engine());
      a = side("baseline", baseline, run.engine());
    } else {
      a = side("baseline", baseline, run.engine());
      b = side("change", change, run.engine());
    }
    long findings = 0;
    long warmUpEnd = System.nanoTime() + (long) (run.warmUpSeconds() * 1e9);
    while (System.nanoTime() < warmUpEnd) {
      findings += a.round(tasks) + b.round(tasks);
    }
    // bytes allocated per Task by each build, measured over one round each: unlike the rate, the
    // same on every run
    double allocA = allocatedPerTask(a, tasks);
    double allocB = allocatedPerTask(b, tasks);
    // a b, b a, a b, ...: a round measured second in its pair is not always the change's
    double[] ra = new double[rounds];
    double[] rb = new double[rounds];
    double[] ratios = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      boolean baselineFirst = r % 2 == 0;
      Side first = baselineFirst ? a : b;
      Side second = baselineFirst ? b : a;
      long start = System.nanoTime();
      findings += first.round(tasks);
      long middle = System.nanoTime();
      findings += second.round(tasks);
      long end = System.nanoTime();
      double firstRate = tasks.size() / ((middle - start) / 1e9);
      double secondRate = tasks.size() / ((end - middle) / 1e9);
      ra[r] = baselineFirst ? firstRate : secondRate;
      rb[r] = baselineFirst ? secondRate : firstRate;
      ratios[r] = rb[r] / ra[r];
    }
    System.out.printf(
        Locale.ROOT,
        "%d rounds in turns: baseline %.0f Tasks/s, change %.0f Tasks/s, change/baseline %.3f"
            + " (median of the pairs of rounds, the order swapped each pair; quartiles"
            + " %.3f-%.3f)%n",
        rounds,
        BenchArgs.median(ra.clone()),
        BenchArgs.median(rb.clone()),
        BenchArgs.median(ratios.clone()),
        quantile(ratios, 0.25),
        quantile(ratios, 0.75));
    System.out.printf(
        Locale.ROOT,
        "allocated per Task: baseline %.1f KB, change %.1f KB (%.3f)%n",
        allocA / 1024,
        allocB / 1024,
        allocB / allocA);
    // keeps the results alive, so no round can be optimised away
    System.out.println("results " + findings);
  }

  private static double allocatedPerTask(Side side, List<String> tasks)
      throws ReflectiveOperationException {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    side.round(tasks);
    return (threads.getCurrentThreadAllocatedBytes() - before) / (double) tasks.size();
  }

  private static double quantile(double[] values, double q) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.round(q * (sorted.length - 1))];
  }

  /**
   * A TaskCheck of the build whose command-line jar is {@code jar} (its manifest's class path
   * brings the rest), in a class loader that sees nothing of the other build.
   */
  private static Side side(String name, Path jar, String engine) throws Exception {
    ClassLoader loader =
        new URLClassLoader(
            name, new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    Class<?> taskCheck = Class.forName("dev.taskcheck.TaskCheck", true, loader);
    Class<?> release = Class.forName("dev.taskcheck.model.FhirRelease", true, loader);
    Object builder = taskCheck.getMethod("builder").invoke(null);
    Class<?> b = builder.getClass();
    b.getMethod("engine", String.class).invoke(builder, engine);
    b.getMethod("fhirVersion", release).invoke(builder, enumValue(release, "R4"));
    b.getMethod("now", java.time.Instant.class)
        .invoke(builder, java.time.Instant.parse("2026-01-01T00:00:00Z"));
    b.getMethod("threads", int.class).invoke(builder, 1);
    Object tc = b.getMethod("build").invoke(builder);
    return new Side(name, tc, taskCheck.getMethod("validateText", String.class, String.class));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumValue(Class<?> type, String name) {
    return Enum.valueOf((Class) type, name);
  }
}
