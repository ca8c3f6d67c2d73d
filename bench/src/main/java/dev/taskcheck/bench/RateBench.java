// One side of bench/ab.sh: rounds of TaskCheck.validateText over the benchmark's generated Tasks on
// one
// thread, each round's rate printed as it ends; and, with --compare, the ratio of two such runs
// made at
// the same time. Uses only TaskCheck's public API, so it runs against an older build's jar too.
package dev.taskcheck.bench;

import dev.taskcheck.TaskCheck;
import dev.taskcheck.model.FhirRelease;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Tasks per second of one build, round by round, for a paired comparison of two builds
 * (bench/ab.sh): on a shared machine a single run moves by 20%, but two builds measured at the same
 * moment, one per core, see the same noise.
 */
public final class RateBench {

  private RateBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length >= 3 && args.length % 2 == 1 && args[0].equals("--compare")) {
      double product = 1;
      int passes = (args.length - 1) / 2;
      for (int i = 1; i < args.length; i += 2) {
        product *= compare(Path.of(args[i]), Path.of(args[i + 1]));
      }
      if (passes > 1) {
        // each pass gives each build the other core; the mean cancels what a core itself adds
        System.out.printf(
            Locale.ROOT,
            "change/baseline over the %d passes (geometric mean): %.3f%n",
            passes,
            Math.pow(product, 1.0 / passes));
      }
      return;
    }
    BenchArgs.Rounds run = BenchArgs.Rounds.read(args, 6000, 30, 25);
    String engine = run.engine();
    List<String> tasks = run.tasks();
    int rounds = run.rounds();
    double warmUpSeconds = run.warmUpSeconds();
    TaskCheck tc =
        TaskCheck.builder()
            .engine(engine)
            .fhirVersion(FhirRelease.R4)
            .now(Instant.parse("2026-01-01T00:00:00Z"))
            .threads(1)
            .build();
    long findings = 0;
    // the JIT needs 6-18 s on a 2-core machine. Warm-up rounds run the very code the measured ones
    // do, printing included: a class first loaded after the warm-up (the formatter's, say) can
    // invalidate compiled code, and rates then fell from 24,000 to 5,000 Tasks/s for a minute
    long warmUpEnd = System.nanoTime() + (long) (warmUpSeconds * 1e9);
    int warmUpRounds = 0;
    for (int r = 1; r <= rounds; ) {
      long start = System.nanoTime();
      for (String t : tasks) {
        findings += tc.validateText(t, "task.json").size();
      }
      long end = System.nanoTime();
      double rate = tasks.size() / ((end - start) / 1e9);
      boolean warming = end < warmUpEnd;
      System.out.printf(
          Locale.ROOT,
          "%s %d %.1f%n",
          warming ? "warm-up" : "round",
          warming ? ++warmUpRounds : r,
          rate);
      System.out.flush();
      if (!warming) {
        r++;
      }
    }
    // keeps the results alive, so no round can be optimised away
    System.out.println("results " + findings);
  }

  /**
   * Pairs the measured rounds of two runs made at the same time (a: the baseline, b: the change;
   * the warm-up rounds are not among them) and prints the median of b/a (returned) and each run's
   * median rate.
   */
  static double compare(Path a, Path b) throws IOException {
    double[] ra = rates(a);
    double[] rb = rates(b);
    int n = Math.min(ra.length, rb.length);
    if (n < 1) {
      throw new IllegalArgumentException("no measured round in " + a + " or " + b);
    }
    double[] ratios = new double[n];
    for (int i = 0; i < n; i++) {
      ratios[i] = rb[i] / ra[i];
    }
    double ratio = BenchArgs.median(ratios.clone());
    System.out.printf(
        Locale.ROOT,
        "%d rounds: baseline %.0f Tasks/s, change %.0f Tasks/s, change/baseline %.3f"
            + " (median of the paired rounds; lowest %.3f, highest %.3f)%n",
        n,
        BenchArgs.median(Arrays.copyOf(ra, n)),
        BenchArgs.median(Arrays.copyOf(rb, n)),
        ratio,
        Arrays.stream(ratios).min().orElseThrow(),
        Arrays.stream(ratios).max().orElseThrow());
    return ratio;
  }

  private static double[] rates(Path file) throws IOException {
    List<Double> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] p = line.trim().split(" ", -1);
      if (p.length == 3 && p[0].equals("round")) {
        out.add(Double.parseDouble(p[2]));
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
